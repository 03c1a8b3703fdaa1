import 'server-only';

import { ZodError } from 'zod';

import { isDatabaseUnavailable } from '../db/is-database-unavailable';
import { AppError, type AppErrorBody } from '../errors/app-error';
import { errorPageWayBack, localizedErrorBody, localizedMessage } from '../errors/localize-error';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';

/** Seconds a client is asked to wait before trying again while the database is unavailable. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Turns any thrown value into an AppError: an unreachable, slow or busy database becomes
 * SERVICE_UNAVAILABLE; other unknown failures become INTERNAL without internals.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return AppError.invalidInput(error.issues);
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`[db] unavailable: ${error instanceof Error ? error.message.split('\n').filter(Boolean).pop() : String(error)}`);
    return new AppError('SERVICE_UNAVAILABLE', 'server.databaseUnavailable', { details: { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS } });
  }
  console.error(error);
  return new AppError('INTERNAL', 'server.internal');
}

/**
 * The one place where errors become HTTP responses: `{ error: { code, message, details? } }`,
 * the message (and field errors) in `locale`, the request's interface language.
 * A RATE_LIMITED, SERVICE_UNAVAILABLE or SERVER_BUSY error whose details carry `retryAfterSeconds`
 * also sets Retry-After.
 */
export function errorResponse(error: unknown, { isPage = false, locale = DEFAULT_LOCALE }: { isPage?: boolean; locale?: Locale } = {}): Response {
  const appError = toAppError(error);
  const body: AppErrorBody = localizedErrorBody(appError, locale);
  const retryAfter = appError.code === 'RATE_LIMITED' || appError.code === 'SERVICE_UNAVAILABLE' || appError.code === 'SERVER_BUSY' ? retryAfterSeconds(appError.details) : null;
  const headers: Record<string, string> = retryAfter === null ? {} : { 'retry-after': String(retryAfter) };
  if (isPage) return new Response(errorPage(appError, locale), { status: appError.status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8', 'x-content-type-options': 'nosniff' } });
  return Response.json(body, { status: appError.status, headers });
}

/**
 * Whether a request is a browser opening the route as a page (a download link or a form sent by
 * GET): its error is then a short page to read, not JSON. Scripts' requests (fetch) say otherwise.
 */
export function isPageNavigation(request: Request): boolean {
  return request.method === 'GET' && request.headers.get('sec-fetch-mode') === 'navigate' && request.headers.get('sec-fetch-dest') === 'document';
}

/** An error as a page of its own: the message, and the way back. No script, no style. */
function errorPage(error: AppError, locale: Locale): string {
  const message = escapeHtml(localizedMessage(error, locale));
  const back = errorPageWayBack(locale);
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${message}</title></head><body><main><h1>${message}</h1><p>${back}</p></main></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (character) => `&#${character.charCodeAt(0)};`);
}

function retryAfterSeconds(details: unknown): number | null {
  const value = typeof details === 'object' && details !== null ? (details as { retryAfterSeconds?: unknown }).retryAfterSeconds : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : null;
}
