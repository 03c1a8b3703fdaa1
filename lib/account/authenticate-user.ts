import 'server-only';

import { randomUUID } from 'node:crypto';

import { credentialsSchema } from './schemas';
import { countSignInAttempt } from './sign-in-throttle';
import { hashPassword, verifyPassword } from '../auth/password';
import { getDb, type Db } from '../db/client';

export interface AuthenticateUserOptions {
  input: unknown;
  /** The network address the attempt comes from (lib/http/client-address.ts), for the sign-in limits. */
  clientAddress: string;
  db?: Db;
}

/** The account a sign-in opens, with the session version its session token will carry. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

// Verifying against a real hash when the e-mail is unknown keeps the response time the same, so
// sign-in does not reveal which e-mails have accounts.
let dummyHash: Promise<string> | undefined;

/**
 * The user whose e-mail and password match, or null. Disabled accounts never match. Every attempt
 * is counted against the sign-in limits before the password is checked (lib/account/sign-in-throttle.ts);
 * throws RATE_LIMITED (with `retryAfterSeconds`) past them, without checking the password.
 */
export async function authenticateUser({ input, clientAddress, db = getDb() }: AuthenticateUserOptions): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const attempt = await countSignInAttempt({ email: parsed.data.email, clientAddress });
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
  dummyHash ??= hashPassword(randomUUID());
  const isValid = await verifyPassword(user?.passwordHash ?? (await dummyHash), parsed.data.password);
  if (!user || !isValid || user.disabledAt) return null;
  await attempt.succeeded();
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
