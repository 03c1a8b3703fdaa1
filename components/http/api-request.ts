import type { AppErrorCode } from '@/lib/errors/app-error';
import { isAppErrorBody } from '@/lib/errors/error-body';

import { cancelledMessage, statusMessage, unreachableMessage, unreadableMessage, type RequestErrorPart } from './request-error-messages';

/** The server's code, NETWORK when no answer came, ABORTED when the caller's signal cancelled the request. */
export type ApiErrorCode = AppErrorCode | 'NETWORK' | 'ABORTED';

/** Why a request failed: the server's error body, or what the module made of an answer without one. */
export interface ApiError {
  code: ApiErrorCode;
  /** Written for the user and shown verbatim (the server's own messages are). */
  message: string;
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  /** The server's details, e.g. the fields of INVALID_INPUT or the conflict of STALE_BASE. */
  details?: unknown;
}

/** A request's outcome. Requests never throw: every failure is a value with a message to show. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Query parameters; null and undefined ones are left out. */
export type ApiQuery = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: ApiQuery;
  /**
   * A JSON body, sent as `application/json`, the one content type a JSON route accepts. POST, PUT
   * and PATCH without `json` or `form` send `{}`: a route refuses a body-carrying method without it.
   */
  json?: unknown;
  /** A multipart body (uploads); the browser writes the content type with its boundary. */
  form?: FormData;
  signal?: AbortSignal;
  /** Lets the request finish after the page is left (e.g. following a notification's link). */
  keepalive?: boolean;
  /**
   * For answers without the server's error body: a part of the interface whose wording
   * (`requestErrors.<part>`) comes before the shared one, or messages by status the caller words.
   */
  fallbacks?: RequestErrorPart | Readonly<Partial<Record<number, string>>>;
}

/** The code an answer without an error body stands for, so callers branch on codes alone. */
const STATUS_CODES: Readonly<Partial<Record<number, AppErrorCode>>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'INVALID_INPUT',
  429: 'RATE_LIMITED',
  502: 'SERVICE_UNAVAILABLE',
  503: 'SERVICE_UNAVAILABLE',
  504: 'SERVICE_UNAVAILABLE',
};

const BODILESS_METHODS = new Set(['GET', 'DELETE']);

/**
 * The one way components talk to the app's API: sends the request (JSON or multipart, with a
 * query, a signal), and reads the answer into an {@link ApiResult}. A failure carries the server's
 * error body (`{ error: { code, message, details? } }`) as it is; without one, a message for the
 * status; without an answer, NETWORK; cancelled by `signal`, ABORTED. The messages of answers
 * without an error body come from the catalogue (`requestErrors`, `./request-error-messages.ts`):
 * a proxy's or the platform's page (an HTML 502 while the app restarts, a 413 from a body limit in
 * front of the app), a missing route.
 */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<ApiResult<T>> {
  const { method = 'GET', query, form, signal, keepalive, fallbacks } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (form) body = form;
  else if (options.json !== undefined || !BODILESS_METHODS.has(method)) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json ?? {});
  }
  let response: Response;
  let text: string;
  try {
    response = await fetch(withQuery(path, query), { method, headers, body, signal, keepalive, cache: 'no-store', credentials: 'same-origin' });
    text = await response.text();
  } catch {
    // Also when the connection breaks, or the signal fires, while the answer is being read.
    return signal?.aborted ? failure('ABORTED', cancelledMessage(), null) : failure('NETWORK', unreachableMessage(), null);
  }
  const parsed = parseJson(text);
  const { status } = response;
  if (response.ok) {
    if (parsed) return { ok: true, data: parsed.value as T };
    if (status === 204) return { ok: true, data: null as T };
    return failure('INTERNAL', unreadableMessage(), status);
  }
  if (parsed && isAppErrorBody(parsed.value)) {
    const { code, message, details } = parsed.value.error;
    return { ok: false, error: { code, message, status, ...(details === undefined ? {} : { details }) } };
  }
  const message = typeof fallbacks === 'object' ? (fallbacks[status] ?? statusMessage(status)) : statusMessage(status, fallbacks);
  return failure(STATUS_CODES[status] ?? 'INTERNAL', message, status);
}

/** GETs JSON with {@link apiRequest}. */
export function getJson<T>(path: string, options: Pick<ApiRequestOptions, 'query' | 'signal' | 'fallbacks'> = {}): Promise<ApiResult<T>> {
  return apiRequest<T>(path, options);
}

/** POSTs `body` as JSON with {@link apiRequest}. */
export function postJson<T>(path: string, body: unknown = {}, options: Pick<ApiRequestOptions, 'query' | 'signal' | 'keepalive' | 'fallbacks'> = {}): Promise<ApiResult<T>> {
  return apiRequest<T>(path, { ...options, method: 'POST', json: body });
}

/** POSTs `form` as multipart/form-data (file uploads) with {@link apiRequest}. */
export function postForm<T>(path: string, form: FormData, options: Pick<ApiRequestOptions, 'query' | 'signal' | 'fallbacks'> = {}): Promise<ApiResult<T>> {
  return apiRequest<T>(path, { ...options, method: 'POST', form });
}

function failure(code: ApiErrorCode, message: string, status: number | null): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message, status } };
}

function withQuery(path: string, query: ApiQuery | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) params.set(key, String(value));
  const search = params.toString();
  if (!search) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${search}`;
}

function parseJson(text: string): { value: unknown } | null {
  if (text === '') return null;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}
