import 'server-only';

import { insertAccount } from './insert-account';
import { registerUserSchema, setUpAdministratorFieldsSchema } from './schemas';
import { checkSetupToken, hasAdministrator, hashSetupToken } from './setup-token';
import { recordAuditEvent } from '../audit/record-audit-event';
import { hashPassword } from '../auth/password';
import type { Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

export interface SetUpAdministratorOptions {
  /** The signed-in account to promote; anonymous creates `input.account` as administrator. */
  actor: Actor;
  input: unknown;
  now?: Date;
  db?: Db;
}

// Serialises set-ups: exactly one token, and one administrator, wins.
const SETUP_LOCK = 7_261_115;

/**
 * Makes the first administrator with a one-time set-up link (lib/account/setup-token.ts): the
 * signed-in account is promoted, or, for a visitor, a new account is created as administrator.
 * The token is used up in the same transaction and the other unused ones are deleted. The token
 * is checked before the password rules and the hashing, so a wrong link costs nothing.
 * Throws INVALID_INPUT (form, or a token that is used, expired or unknown), CONFLICT (the site
 * has an administrator already, or the e-mail is taken).
 */
export async function setUpAdministrator({ actor, input, now = new Date(), db = getDb() }: SetUpAdministratorOptions): Promise<{ userId: string; email: string; isNewAccount: boolean }> {
  const fields = setUpAdministratorFieldsSchema.safeParse(input);
  if (!fields.success) throw invalid(fields.error.issues);
  const { token } = fields.data;
  const state = await checkSetupToken({ token, now, db });
  if (state === 'done') throw alreadySetUp();
  if (state !== 'valid') throw usedOrExpired();

  let newAccount: { email: string; name: string; passwordHash: string } | null = null;
  if (actor.kind !== 'user') {
    const account = registerUserSchema.safeParse(fields.data.account ?? {});
    if (!account.success) throw invalid(account.error.issues.map((issue) => ({ ...issue, path: ['account', ...issue.path] })));
    newAccount = { email: account.data.email, name: account.data.name, passwordHash: await hashPassword(account.data.password) };
  }

  return withTransaction(db, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
    if (await hasAdministrator(tx)) throw alreadySetUp();
    const claimed = await tx.adminSetupToken.updateMany({
      where: { tokenHash: hashSetupToken(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw usedOrExpired();
    const user =
      actor.kind === 'user'
        ? await tx.user.update({ where: { id: actor.id }, data: { siteRole: 'ADMIN' }, select: { id: true, email: true } })
        : await insertAccount(tx, { ...(newAccount as NonNullable<typeof newAccount>), siteRole: 'ADMIN' });
    await tx.adminSetupToken.updateMany({ where: { tokenHash: hashSetupToken(token) }, data: { usedById: user.id } });
    await tx.adminSetupToken.deleteMany({ where: { usedAt: null } });
    await recordAuditEvent({ db: tx, type: 'site.administrator_set_up', actorId: user.id, data: { userId: user.id, isNewAccount: actor.kind !== 'user' } });
    return { userId: user.id, email: user.email, isNewAccount: actor.kind !== 'user' };
  });
}

function invalid(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  return AppError.invalidInput(issues, 'input.invalidForm');
}

function usedOrExpired(): AppError {
  return new AppError('INVALID_INPUT', 'account.setupLinkUsed');
}

function alreadySetUp(): AppError {
  return new AppError('CONFLICT', 'account.administratorExists');
}
