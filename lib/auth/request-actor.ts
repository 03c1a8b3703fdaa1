import 'server-only';

import { getToken } from 'next-auth/jwt';

import { loadActor } from './load-actor';
import { ANONYMOUS, type Actor } from './permissions';
import { getDb, type Db } from '../db/client';

/**
 * The actor of a route-handler request, read from its next-auth session cookie (a signed JWT),
 * then re-read from the database like {@link getActor}. Needs only the Request, so route
 * handlers behave the same inside Next.js and when tests call them with a plain Request.
 */
export async function getActorFromRequest({ request, db = getDb() }: { request: Request; db?: Db }): Promise<Actor> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) cookies.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
  }
  const token = await getToken({ req: { cookies, headers: request.headers } as unknown as Parameters<typeof getToken>[0]['req'], secret: process.env.NEXTAUTH_SECRET });
  if (!token?.sub) return ANONYMOUS;
  return loadActor({ userId: token.sub, db });
}
