import 'server-only';

import type { MachineProviderId } from './providers';
import { PROVIDER_NAMES } from './providers';
import { AppError } from '../errors/app-error';
import { readBodyBytes } from '../http/read-body';

/** An answer of a service: its status, its body parsed as JSON (undefined when it is not JSON), and Retry-After in seconds. */
export interface ServiceAnswer {
  status: number;
  body: unknown;
  retryAfterSeconds: number | null;
}

export interface ServiceRequest {
  provider: MachineProviderId;
  url: URL;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  timeoutMs: number;
  maxResponseBytes: number;
  signal?: AbortSignal;
}

/**
 * One request to a machine translation service, bounded: it is given up after `timeoutMs` (or
 * when `signal` fires), redirects are refused (the configured address is the only one ever
 * called: a redirect could lead the server anywhere), and the answer is read up to
 * `maxResponseBytes` (a longer one is cancelled while it streams in). Throws
 * MACHINE_TRANSLATION_UNAVAILABLE (`unavailable`) for no answer, a timeout and an oversize
 * answer; any status is returned to the caller, which knows what the service means by it.
 */
export async function requestService({ provider, url, method, headers = {}, json, timeoutMs, maxResponseBytes, signal }: ServiceRequest): Promise<ServiceAnswer> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([timeout, signal]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { accept: 'application/json', ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: json === undefined ? undefined : JSON.stringify(json),
      redirect: 'error',
      cache: 'no-store',
      signal: combined,
    });
  } catch (error) {
    throw unavailable(provider, timeout.aborted ? 'did not answer in time' : `could not be reached (${causeOf(error)})`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBodyBytes(response, maxResponseBytes);
  } catch (error) {
    if (error instanceof AppError && error.code === 'PAYLOAD_TOO_LARGE') throw unavailable(provider, `answered more than ${maxResponseBytes} bytes`);
    if (error instanceof AppError) throw error;
    throw unavailable(provider, timeout.aborted ? 'did not finish its answer in time' : `broke off its answer (${causeOf(error)})`);
  }
  let body: unknown;
  try {
    body = bytes.byteLength === 0 ? undefined : JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    body = undefined;
  }
  return { status: response.status, body, retryAfterSeconds: retryAfter(response.headers.get('retry-after')) };
}

/** Retry-After given in seconds (an HTTP date is rare from these services and read as absent), kept within an hour. */
function retryAfter(value: string | null): number | null {
  if (value === null || !/^\d{1,6}$/.test(value.trim())) return null;
  return Math.min(Math.max(Number(value.trim()), 1), 3600);
}

/** A service's own words (an error message), made safe for one line of the log: control characters out, at most 200 characters. */
export function logExcerpt(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 200);
}

function causeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : null;
  return code ?? (cause instanceof Error ? cause.name : 'network error');
}

/**
 * MACHINE_TRANSLATION_UNAVAILABLE for a service that failed; `what` (logged for the operators,
 * never shown: it may name internal addresses) says how.
 */
export function unavailable(provider: MachineProviderId, what: string): AppError {
  console.warn(`[machine-translation] ${PROVIDER_NAMES[provider]} ${what}`);
  return new AppError('MACHINE_TRANSLATION_UNAVAILABLE', 'machine.providerFailing', { values: { provider: PROVIDER_NAMES[provider] }, details: { provider, reason: 'unavailable' } });
}
