import type { AppErrorCode } from './app-error';

// Kept apart from app-error.ts, which reads the English catalogue, so that the browser's requests
// (components/http/api-request.ts) check answers without loading it.

/** The one body shape every error response has. */
export interface AppErrorBody {
  error: { code: AppErrorCode; message: string; details?: unknown };
}

/** True for values shaped like {@link AppErrorBody}, e.g. a parsed JSON response on the client. */
export function isAppErrorBody(value: unknown): value is AppErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && typeof (error as { message?: unknown }).message === 'string';
}
