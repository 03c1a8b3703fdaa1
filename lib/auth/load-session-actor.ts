import 'server-only';

import type { JWT } from 'next-auth/jwt';

import { loadActor } from './load-actor';
import { ANONYMOUS, type Actor } from './permissions';
import { sessionClaimsOf } from './session-token';
import { getDb, type Db } from '../db/client';

/**
 * The actor of a decoded session token: anonymous unless the token is well-formed, within its
 * absolute lifetime and of a session not ended since (same session version, account enabled).
 * Every way of reading a session — pages and actions, route handlers — comes through here, since
 * next-auth's `getToken` runs none of the callbacks that check this.
 */
export async function loadSessionActor({ token, now = Date.now(), db = getDb() }: { token: JWT | null; now?: number; db?: Db }): Promise<Actor> {
  const claims = sessionClaimsOf(token, now);
  if (!claims) return ANONYMOUS;
  return loadActor({ userId: claims.userId, sessionVersion: claims.sessionVersion, db });
}
