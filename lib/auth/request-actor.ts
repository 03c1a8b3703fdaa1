import 'server-only';

import { loadSessionActor } from './load-session-actor';
import type { Actor } from './permissions';
import { readSessionToken } from './session-token';
import { getDb, type Db } from '../db/client';

/**
 * The actor of a route-handler request, read from its next-auth session cookie (a signed JWT),
 * then checked and re-read from the database like {@link getActor}. Needs only the Request, so
 * route handlers behave the same inside Next.js and when tests call them with a plain Request.
 */
export async function getActorFromRequest({ request, db = getDb() }: { request: Request; db?: Db }): Promise<Actor> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    try {
      cookies.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
    } catch {
      // A malformed escape in someone else's cookie is no reason to fail the request.
    }
  }
  return loadSessionActor({ token: await readSessionToken(cookies), db });
}
