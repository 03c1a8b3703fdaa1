import 'server-only';

import { recordAuditEvent } from '../audit/record-audit-event';
import type { Prisma, SiteRole } from '../db/client';
import { AppError } from '../errors/app-error';

/** An account as sign-up and the administrator set-up create it. */
export interface InsertedAccount {
  id: string;
  email: string;
  name: string;
  isSiteAdmin: boolean;
}

/**
 * Inserts an account in the caller's transaction, with its `user.registered` audit event.
 * Accounts with the same e-mail are inserted one at a time (an advisory lock on the e-mail), so
 * the second of two simultaneous sign-ups gets CONFLICT rather than a database error.
 */
export async function insertAccount(
  tx: Prisma.TransactionClient,
  { email, name, passwordHash, siteRole }: { email: string; name: string; passwordHash: string; siteRole: SiteRole },
): Promise<InsertedAccount> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`user-email:${email}`}, 0))`;
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new AppError('CONFLICT', 'account.emailTaken');
  const user = await tx.user.create({ data: { email, name, passwordHash, siteRole }, select: { id: true, email: true, name: true, siteRole: true } });
  await recordAuditEvent({ db: tx, type: 'user.registered', actorId: user.id, data: { siteRole } });
  return { id: user.id, email: user.email, name: user.name, isSiteAdmin: user.siteRole === 'ADMIN' };
}
