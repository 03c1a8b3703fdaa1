import 'server-only';

import type { z } from 'zod';

import { clientAddress } from './client-address';
import { ConcurrencyGate, type ConcurrencyLimit } from './concurrency-gate';
import { markGuarded } from './guard-marker';
import { readBodyBytes } from './read-body';
import { assertSameOrigin } from './same-origin';
import { errorResponse, isPageNavigation } from './to-response';
import { actorUserId, ANONYMOUS, assertCanSomewhere, type Action, type Actor } from '../auth/permissions';
import { getActorFromRequest } from '../auth/request-actor';
import { DEFAULT_MAX_BODY_BYTES } from '../config/limits';
import { AppError } from '../errors/app-error';
import { localeOfRequest } from '../i18n/locale-of-request';

type RouteParams = Record<string, string | string[] | undefined>;

export interface RouteContext<I> {
  actor: Actor;
  input: I;
  request: Request;
  params: RouteParams;
}

export interface DefineRouteOptions<S extends z.ZodType> {
  /** Action checked before anything else; `null` only for routes open to everyone by nature. */
  permission: Action | null;
  /** Schema of the input: the JSON body for POST/PUT/PATCH, else the query string and route params. */
  input: S;
  /**
   * Largest body accepted (bytes, default {@link DEFAULT_MAX_BODY_BYTES}): counted while it streams
   * in, 413 as soon as it is exceeded.
   */
  maxBodyBytes?: number;
  /**
   * The one content type a body may have: `json` (application/json, the default) or `multipart`
   * (multipart/form-data, for file uploads). Anything else is refused with 415: a page on another
   * site can send a form (urlencoded, multipart, text/plain) without asking, but not JSON.
   */
  accepts?: 'json' | 'multipart';
  /**
   * Whether to find out who is asking (the session). `false` for answers that must be the same
   * for everyone (the public API: cacheable, readable from other sites): the actor is anonymous
   * and no session is read.
   */
  identify?: boolean;
  /**
   * For routes whose requests hold much memory or CPU while they run (large uploads, whole-volume
   * downloads): how many may be in hand at once, per actor and in all. The slot is taken before the
   * request's body is read and given back when the handler has answered (or, with
   * `isHeldWhileStreaming`, when the answer's body has been sent or abandoned).
   */
  concurrency?: ConcurrencyLimit;
  handler: (context: RouteContext<z.infer<S>>) => Promise<Response>;
}

/**
 * Builds a route handler that identifies the actor, checks the permission, parses input with zod,
 * calls the handler and maps every error to the one error body.
 */
export function defineRoute<S extends z.ZodType>({ permission, input, maxBodyBytes = DEFAULT_MAX_BODY_BYTES, accepts = 'json', identify = true, concurrency, handler }: DefineRouteOptions<S>) {
  const gate = concurrency ? new ConcurrencyGate(concurrency) : null;
  const route = async (request: Request, context: { params: Promise<RouteParams> }): Promise<Response> => {
    let leave: (() => void) | null = null;
    let actor: Actor | undefined;
    try {
      // Where the request comes from is checked before anything is read or looked up.
      assertSameOrigin(request.method, request.headers);
      actor = identify ? await getActorFromRequest({ request }) : ANONYMOUS;
      if (permission) assertCanSomewhere(actor, permission);
      if (gate) leave = gate.enter(actorUserId(actor) ?? `address:${clientAddress(request)}`);
      const params = (await context.params) ?? {};
      const raw = await readInput(request, params, { maxBodyBytes, accepts });
      const parsed = input.safeParse(raw);
      if (!parsed.success) {
        throw AppError.invalidInput(parsed.error.issues);
      }
      const response = await handler({ actor, input: parsed.data, request, params });
      if (!leave || !gate?.limit.isHeldWhileStreaming) return response;
      // A streamed answer does its work as it is read: the slot is held until the body ends.
      const release = leave;
      leave = null;
      return releasingBody(response, release);
    } catch (error) {
      // The answer is in the reader's interface language: the account's, else the browser's.
      return errorResponse(error, { isPage: isPageNavigation(request), locale: localeOfRequest(request.headers, actor) });
    } finally {
      leave?.();
    }
  };
  return markGuarded(route, permission);
}

/**
 * `response` whose body calls `release` once it has been read to its end, has failed or has been
 * cancelled (the client went away); at once when it has no body.
 */
function releasingBody(response: Response, release: () => void): Response {
  if (!response.body) {
    release();
    return response;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

const CONTENT_TYPES = { json: 'application/json', multipart: 'multipart/form-data' } as const;

/** Methods whose input is the query string and route params; a body they carry is not read. */
const BODILESS_METHODS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);

async function readInput(request: Request, params: RouteParams, { maxBodyBytes, accepts }: { maxBodyBytes: number; accepts: 'json' | 'multipart' }): Promise<unknown> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  if (BODILESS_METHODS.has(request.method)) return { ...query, ...params };
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== CONTENT_TYPES[accepts]) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'request.contentType', { values: { type: CONTENT_TYPES[accepts] } });
  }
  const bytes = await readBodyBytes(request, maxBodyBytes);
  if (accepts === 'multipart') {
    const form = await new Response(bytes, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData().catch(() => {
      throw new AppError('INVALID_INPUT', 'request.unreadableForm');
    });
    return { ...query, ...Object.fromEntries(form), ...params };
  }
  let body: unknown;
  try {
    body = bytes.byteLength === 0 ? {} : JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new AppError('INVALID_INPUT', 'request.invalidJson');
  }
  // The path names the resource: a body field of the same name never overrides it.
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...query, ...body, ...params } : body;
}
