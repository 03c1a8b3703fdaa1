import { isAppErrorBody, type AppErrorCode } from '@/lib/errors/app-error';

/** Why a request failed: the server's code (or NETWORK), a message written for the user, and the error's details. */
export interface RequestFailure {
  code: AppErrorCode | 'NETWORK';
  message: string;
  details?: unknown;
}

export type RequestResult<T> = { ok: true; data: T } | { ok: false; failure: RequestFailure };

const DEFAULT_FALLBACKS: Record<number, string> = {
  401: 'Your session has ended. Sign in again to go on.',
  403: 'You do not have permission to do this.',
  404: 'This no longer exists.',
};

/**
 * Fetches JSON from the app's API. Never throws: a failure carries the server's error code and
 * message (written for users, shown verbatim), or a message of `fallbacks` for answers without one.
 */
export async function requestJson<T>(url: string, init?: RequestInit, fallbacks: Record<number, string> = DEFAULT_FALLBACKS): Promise<RequestResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch {
    return { ok: false, failure: { code: 'NETWORK', message: 'The server could not be reached. Check your connection and try again.' } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: body as T };
  if (isAppErrorBody(body)) return { ok: false, failure: { code: body.error.code, message: body.error.message, details: body.error.details } };
  return { ok: false, failure: { code: 'INTERNAL', message: fallbacks[response.status] ?? `The server answered ${response.status}. Please try again.` } };
}

/** POSTs `body` as JSON with {@link requestJson}. */
export function postJson<T>(url: string, body: unknown, fallbacks?: Record<number, string>): Promise<RequestResult<T>> {
  return requestJson<T>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, fallbacks);
}
