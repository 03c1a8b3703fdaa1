import 'server-only';

import type { z } from 'zod';

import { markGuarded } from './guard-marker';
import { errorResponse } from './to-response';
import { assertCanSomewhere, type Action, type Actor } from '../auth/permissions';
import { getActorFromRequest } from '../auth/request-actor';
import { formatBytes } from '../config/limits';
import { AppError } from '../errors/app-error';
import { fieldErrorsFromIssues } from '../errors/field-errors';

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
  /** Refuse bodies announced larger than this (413) before reading them. */
  maxBodyBytes?: number;
  handler: (context: RouteContext<z.infer<S>>) => Promise<Response>;
}

/**
 * Builds a route handler that identifies the actor, checks the permission, parses input with zod,
 * calls the handler and maps every error to the one error body.
 */
export function defineRoute<S extends z.ZodType>({ permission, input, maxBodyBytes, handler }: DefineRouteOptions<S>) {
  const route = async (request: Request, context: { params: Promise<RouteParams> }): Promise<Response> => {
    try {
      const actor = await getActorFromRequest({ request });
      if (permission) assertCanSomewhere(actor, permission);
      if (maxBodyBytes !== undefined) assertBodySize(request, maxBodyBytes);
      const params = (await context.params) ?? {};
      const raw = await readInput(request, params);
      const parsed = input.safeParse(raw);
      if (!parsed.success) {
        throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Invalid input.', fieldErrorsFromIssues(parsed.error.issues));
      }
      return await handler({ actor, input: parsed.data, request, params });
    } catch (error) {
      return errorResponse(error);
    }
  };
  return markGuarded(route, permission);
}

function assertBodySize(request: Request, maxBodyBytes: number): void {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > maxBodyBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The request is ${formatBytes(length)}; the limit is ${formatBytes(maxBodyBytes)}.`, { limit: maxBodyBytes });
  }
}

async function readInput(request: Request, params: RouteParams): Promise<unknown> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'DELETE') return { ...query, ...params };
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const body: unknown = await request.json().catch(() => {
      throw new AppError('INVALID_INPUT', 'The request body is not valid JSON.');
    });
    // The path names the resource: a body field of the same name never overrides it.
    return typeof body === 'object' && body !== null ? { ...query, ...body, ...params } : body;
  }
  if (type.includes('multipart/form-data') || type.includes('application/x-www-form-urlencoded')) {
    return { ...query, ...Object.fromEntries(await request.formData()), ...params };
  }
  return { ...query, ...params };
}
