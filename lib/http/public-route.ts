import 'server-only';

import { createHash } from 'node:crypto';

import { RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';

import { clientAddress } from './client-address';
import { markGuarded } from './guard-marker';
import { defineRoute } from './route';
import { counter, counterKey } from '../auth/rate-limiter';
import { PUBLIC_API_RATE_LIMIT } from '../config/limits';
import { AppError } from '../errors/app-error';

/**
 * Routes of the public read API (`/api/v1`, docs/api.md). Each answer is the same for everyone
 * (no session is read: the caller is anonymous), so it can be read from any site (CORS without
 * credentials) and revalidated with its ETag; every request counts against its address's rate
 * limit, which the answer reports in `RateLimit-*` headers.
 */

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset',
} as const;

export interface DefinePublicRouteOptions<S extends z.ZodType, T> {
  /** Schema of the query string and route params. */
  input: S;
  /** What to answer with: serialised as JSON, with its ETag. */
  handler: (input: z.infer<S>) => Promise<T>;
}

/** A GET handler of the public API: anonymous, rate-limited, CORS-readable, with an ETag. */
export function definePublicRoute<S extends z.ZodType, T>({ input, handler }: DefinePublicRouteOptions<S, T>) {
  const route = defineRoute({
    permission: 'work.read',
    input,
    identify: false,
    handler: async ({ input: parsed, request }) => {
      const limit = await countRequest(request);
      const body = JSON.stringify(await handler(parsed));
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
      const headers = { ...CORS_HEADERS, ...limit, etag, 'cache-control': 'public, no-cache', vary: 'Accept-Encoding' };
      if (matchesETag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
      return new Response(body, { status: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
    },
  });
  // Errors (404, 422, 429, 503) are readable from other sites too.
  const withCors = async (request: Request, context: { params: Promise<Record<string, string | string[] | undefined>> }): Promise<Response> => {
    const response = await route(request, context);
    for (const [name, value] of Object.entries(CORS_HEADERS)) if (!response.headers.has(name)) response.headers.set(name, value);
    return response;
  };
  return markGuarded(withCors, 'work.read');
}

/** The answer to a CORS preflight (a client sending If-None-Match from another site asks first). */
export function definePublicPreflight() {
  return defineRoute({
    permission: null,
    input: z.object({}),
    identify: false,
    handler: async () =>
      new Response(null, {
        status: 204,
        headers: {
          ...CORS_HEADERS,
          'access-control-allow-methods': 'GET, HEAD, OPTIONS',
          'access-control-allow-headers': 'If-None-Match, Accept',
          'access-control-max-age': '86400',
        },
      }),
  });
}

/** Counts the request against its address; refuses it with RATE_LIMITED past the limit. */
async function countRequest(request: Request): Promise<Record<string, string>> {
  const limiter = counter({ name: 'public-api', ...PUBLIC_API_RATE_LIMIT });
  try {
    const result = await limiter.consume(counterKey('public-api', clientAddress(request)));
    return rateLimitHeaders(result);
  } catch (rejection) {
    // A store failure is thrown on (SERVICE_UNAVAILABLE or INTERNAL): a broken store must not open the gate.
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    const error = new AppError('RATE_LIMITED', 'http.tooManyRequests', { values: { points: PUBLIC_API_RATE_LIMIT.points, retryAfterSeconds }, details: { retryAfterSeconds } });
    throw error;
  }
}

function rateLimitHeaders(result: RateLimiterRes): Record<string, string> {
  return {
    'ratelimit-limit': String(PUBLIC_API_RATE_LIMIT.points),
    'ratelimit-remaining': String(Math.max(0, result.remainingPoints)),
    'ratelimit-reset': String(Math.max(0, Math.ceil(result.msBeforeNext / 1000))),
  };
}

/** Whether If-None-Match names `etag` (a list, weak validators compared weakly, or `*`). */
export function matchesETag(header: string | null, etag: string): boolean {
  if (header === null) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//u, '') === etag;
  });
}
