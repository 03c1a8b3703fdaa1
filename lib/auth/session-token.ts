import 'server-only';

import { getToken, type JWT } from 'next-auth/jwt';

import { SESSION_MAX_SECONDS } from '../config/limits';
import { getDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';

/**
 * What a session token (next-auth's signed, encrypted JWT cookie) must carry to be honoured: the
 * account, the account's session version when the session began — signing out, changing the
 * password and disabling the account raise the version, which ends every session issued before —
 * and when the session began, for its absolute lifetime (SESSION_MAX_SECONDS; the cookie's own
 * max age, renewed on use, is the idle timeout).
 */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  /** Seconds since the epoch. */
  authTime: number;
}

/** The token of a session that begins now for `user`. */
export function beginSession(token: JWT, user: { id: string; sessionVersion: number }, now = Date.now()): JWT {
  return { ...token, sub: user.id, sv: user.sessionVersion, authTime: Math.floor(now / 1000) };
}

/**
 * The claims of a token that is well-formed and within its absolute lifetime; null otherwise
 * (including tokens issued before sessions carried versions). Says nothing about revocation:
 * see {@link isSessionCurrent}. Pure.
 */
export function sessionClaimsOf(token: JWT | null | undefined, now = Date.now()): SessionClaims | null {
  if (!token || typeof token.sub !== 'string' || !isUuid(token.sub)) return null;
  const { sv, authTime } = token;
  if (typeof sv !== 'number' || !Number.isSafeInteger(sv) || typeof authTime !== 'number' || !Number.isFinite(authTime)) return null;
  const age = now / 1000 - authTime;
  // A little slack for the clocks of several app processes.
  if (age > SESSION_MAX_SECONDS || age < -60) return null;
  return { userId: token.sub, sessionVersion: sv, authTime };
}

/** Whether the session of `claims` has not been ended: the account exists, is enabled and has the same session version. */
export async function isSessionCurrent({ claims, db = getDb() }: { claims: SessionClaims; db?: Db }): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: claims.userId }, select: { sessionVersion: true, disabledAt: true } });
  return !!user && !user.disabledAt && user.sessionVersion === claims.sessionVersion;
}

/**
 * Ends every session of the account that `claims` belongs to, if that session is still current:
 * raises the session version, so tokens issued before (on any device) stop working. Used on
 * sign-out; a stale token changes nothing.
 */
export async function endSession({ claims, db = getDb() }: { claims: SessionClaims; db?: Db }): Promise<void> {
  await db.user.updateMany({ where: { id: claims.userId, sessionVersion: claims.sessionVersion }, data: { sessionVersion: { increment: 1 } } });
}

type CookieSource = { getAll(): { name: string; value: string }[] } | ReadonlyMap<string, string>;

/** The decoded session token among `cookies` (chunked or not, either cookie name), or null. Runs no callbacks. */
export async function readSessionToken(cookies: CookieSource): Promise<JWT | null> {
  const req = { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]['req'];
  return getToken({ req, secret: process.env.NEXTAUTH_SECRET });
}
