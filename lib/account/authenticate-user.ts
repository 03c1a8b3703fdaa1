import 'server-only';

import { randomUUID } from 'node:crypto';

import { credentialsSchema } from './schemas';
import { hashPassword, verifyPassword } from '../auth/password';
import { getDb, type Db } from '../db/client';

export interface AuthenticateUserOptions {
  input: unknown;
  db?: Db;
}

// Verifying against a real hash when the e-mail is unknown keeps the response time the same, so
// sign-in does not reveal which e-mails have accounts.
let dummyHash: Promise<string> | undefined;

/** The user whose e-mail and password match, or null. Disabled accounts never match. */
export async function authenticateUser({ input, db = getDb() }: AuthenticateUserOptions): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true },
  });
  dummyHash ??= hashPassword(randomUUID());
  const isValid = await verifyPassword(user?.passwordHash ?? (await dummyHash), parsed.data.password);
  if (!user || !isValid || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name };
}
