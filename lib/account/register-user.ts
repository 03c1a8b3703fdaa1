import 'server-only';

import { registerUserSchema } from './schemas';
import { hashPassword } from '../auth/password';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { fieldErrorsFromIssues } from '../errors/field-errors';

export interface RegisterUserOptions {
  input: unknown;
  db?: Db;
}

export interface RegisteredUser {
  id: string;
  email: string;
  name: string;
  isSiteAdmin: boolean;
}

// Serialises sign-ups so that exactly one account can be "the first" on an empty database.
const FIRST_USER_LOCK = 7_261_114;

/**
 * Creates an account with an argon2id password hash. The first account of an empty database
 * becomes site admin. Throws INVALID_INPUT (with field issues) or CONFLICT (e-mail taken).
 */
export async function registerUser({ input, db = getDb() }: RegisterUserOptions): Promise<RegisteredUser> {
  const parsed = registerUserSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Invalid sign-up form.', fieldErrorsFromIssues(parsed.error.issues));
  }
  const { email, name, password } = parsed.data;
  // Hash outside the transaction: it is deliberately slow and needs no lock.
  const passwordHash = await hashPassword(password);
  return withTransaction(db, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_USER_LOCK})`;
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) throw new AppError('CONFLICT', 'An account with this e-mail already exists. Sign in instead.');
    const isFirst = (await tx.user.count()) === 0;
    const user = await tx.user.create({
      data: { email, name, passwordHash, siteRole: isFirst ? 'ADMIN' : 'USER' },
      select: { id: true, email: true, name: true, siteRole: true },
    });
    await tx.auditEvent.create({
      data: { type: 'user.registered', actorId: user.id, data: { isFirstUser: isFirst } },
    });
    return { id: user.id, email: user.email, name: user.name, isSiteAdmin: user.siteRole === 'ADMIN' };
  });
}
