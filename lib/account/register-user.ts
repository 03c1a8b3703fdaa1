import 'server-only';

import { insertAccount, type InsertedAccount } from './insert-account';
import { registerUserFieldsSchema, registerUserSchema } from './schemas';
import { countSignUpAttempt } from './sign-up-limit';
import { hashPassword } from '../auth/password';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

export interface RegisterUserOptions {
  input: unknown;
  /**
   * The network address the sign-up comes from (lib/http/client-address.ts), counted against the
   * sign-up limits; null only for accounts made by whoever runs the server (tests, scripts).
   */
  clientAddress: string | null;
  db?: Db;
}

export type RegisteredUser = InsertedAccount;

/**
 * Creates an ordinary account (never an administrator: the first one is made through the
 * one-time set-up link, lib/account/set-up-administrator.ts) with an argon2id password hash.
 * The attempt is counted against the sign-up limits once the form is well-formed and before the
 * costlier checks (password strength, hashing). Throws INVALID_INPUT (with field issues),
 * RATE_LIMITED (with `retryAfterSeconds`) or CONFLICT (e-mail taken).
 */
export async function registerUser({ input, clientAddress, db = getDb() }: RegisterUserOptions): Promise<RegisteredUser> {
  const fields = registerUserFieldsSchema.safeParse(input);
  if (!fields.success) throw invalid(fields.error.issues);
  if (clientAddress !== null) await countSignUpAttempt({ clientAddress });
  const parsed = registerUserSchema.safeParse(fields.data);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const { email, name, password } = parsed.data;
  // Hash outside the transaction: it is deliberately slow and needs no lock.
  const passwordHash = await hashPassword(password);
  return withTransaction(db, (tx) => insertAccount(tx, { email, name, passwordHash, siteRole: 'USER' }));
}

function invalid(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  return AppError.invalidInput(issues, 'account.invalidSignUp');
}
