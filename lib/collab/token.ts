import 'server-only';

import { createHmac, timingSafeEqual } from 'node:crypto';

import { isUuid } from '../db/uuid';

/**
 * Short-lived signed tokens that open a collaboration connection: minted by
 * `POST /api/collab/token` from the next-auth session, passed by the editor as the provider's
 * token and verified by the collaboration server. `userId` null is a guest (read-only).
 */
export interface CollabTokenClaims {
  userId: string | null;
  /**
   * The account's session version when the token was minted (null for guests): a token minted
   * by a session that has since ended opens nothing.
   */
  sessionVersion: number | null;
  /** Expiry, milliseconds since the epoch. */
  expiresAt: number;
}

/** How long a token opens connections; the editor fetches a new one for every (re)connection. */
export const COLLAB_TOKEN_TTL_MS = 5 * 60 * 1000;

const VERSION = 'c1';

export function signCollabToken({ userId, sessionVersion, secret, now = Date.now(), ttlMs = COLLAB_TOKEN_TTL_MS }: { userId: string | null; sessionVersion: number | null; secret: string; now?: number; ttlMs?: number }): string {
  const payload = Buffer.from(JSON.stringify({ sub: userId, sv: userId === null ? null : sessionVersion, exp: now + ttlMs })).toString('base64url');
  return `${VERSION}.${payload}.${sign(payload, secret)}`;
}

export type VerifyResult = { ok: true; claims: CollabTokenClaims } | { ok: false; reason: 'missing-token' | 'invalid-token' | 'expired-token' };

export function verifyCollabToken(token: string | undefined | null, secret: string, now = Date.now()): VerifyResult {
  if (!token) return { ok: false, reason: 'missing-token' };
  const [version, payload, signature, ...rest] = token.split('.');
  if (version !== VERSION || !payload || !signature || rest.length > 0) return { ok: false, reason: 'invalid-token' };
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid-token' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid-token' };
  }
  if (typeof claims !== 'object' || claims === null) return { ok: false, reason: 'invalid-token' };
  const { sub, sv, exp } = claims as { sub?: unknown; sv?: unknown; exp?: unknown };
  if (typeof exp !== 'number') return { ok: false, reason: 'invalid-token' };
  const isGuest = sub === null && sv === null;
  const isUser = typeof sub === 'string' && isUuid(sub) && typeof sv === 'number' && Number.isSafeInteger(sv);
  if (!isGuest && !isUser) return { ok: false, reason: 'invalid-token' };
  if (exp <= now) return { ok: false, reason: 'expired-token' };
  return { ok: true, claims: { userId: isUser ? (sub as string) : null, sessionVersion: isUser ? (sv as number) : null, expiresAt: exp } };
}

function sign(payload: string, secret: string): string {
  return createHmac('sha256', `collab:${secret}`).update(payload).digest('base64url');
}
