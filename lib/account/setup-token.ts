import 'server-only';

import { createHash, randomBytes } from 'node:crypto';

import { SETUP_TOKEN_TTL_SECONDS } from '../config/limits';
import { getDb, type Db, type Prisma } from '../db/client';

/**
 * One-time links that make the first administrator: whoever can read the server's log is the
 * operator, so the log is where the link goes. Only a SHA-256 of each token is stored (a copy of
 * the database opens nothing); a token works once, until SETUP_TOKEN_TTL_SECONDS after it was
 * made, and only while the site has no enabled administrator.
 */

/** The stored form of a token. */
export function hashSetupToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether an enabled site administrator exists. */
export async function hasAdministrator(db: Db | Prisma.TransactionClient): Promise<boolean> {
  return (await db.user.count({ where: { siteRole: 'ADMIN', disabledAt: null } })) > 0;
}

/**
 * A fresh set-up token when the site has no enabled administrator, else null. Unused tokens made
 * before are deleted either way, so only the link printed last works.
 */
export async function issueSetupToken({ now = new Date(), db = getDb() }: { now?: Date; db?: Db } = {}): Promise<string | null> {
  await db.adminSetupToken.deleteMany({ where: { usedAt: null } });
  if (await hasAdministrator(db)) return null;
  const token = randomBytes(32).toString('base64url');
  await db.adminSetupToken.create({ data: { tokenHash: hashSetupToken(token), createdAt: now, expiresAt: new Date(now.getTime() + SETUP_TOKEN_TTL_SECONDS * 1000) } });
  return token;
}

/** What a set-up link says: usable; `used-or-expired` (or never issued); `done` (an administrator exists). */
export type SetupTokenState = 'valid' | 'used-or-expired' | 'done';

/** The state of `token`, for the set-up page (the use case checks again under a lock). */
export async function checkSetupToken({ token, now = new Date(), db = getDb() }: { token: string; now?: Date; db?: Db }): Promise<SetupTokenState> {
  if (await hasAdministrator(db)) return 'done';
  const row = await db.adminSetupToken.findUnique({ where: { tokenHash: hashSetupToken(token) }, select: { usedAt: true, expiresAt: true } });
  return row && !row.usedAt && row.expiresAt > now ? 'valid' : 'used-or-expired';
}
