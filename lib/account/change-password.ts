import 'server-only';

import { changePasswordFieldsSchema, changePasswordSchemaFor } from './schemas';
import { countSignInAttempt } from './sign-in-throttle';
import { recordAuditEvent } from '../audit/record-audit-event';
import { hashPassword, verifyPassword } from '../auth/password';
import { assertCan, type Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';

export interface ChangePasswordOptions {
  actor: Actor;
  input: unknown;
  /** The network address of the request, for the sign-in limits (the current password is a guess like any other). */
  clientAddress: string;
  db?: Db;
}

/**
 * Replaces the actor's password after checking the current one, and ends every session of the
 * account, this one included (the session version is raised; the form signs in again with the
 * new password). Guesses of the current password count against the sign-in limits, so a stolen
 * session cannot be used to find it. The new password follows the sign-up rules. Throws
 * UNAUTHENTICATED, INVALID_INPUT (with field issues, also for a wrong current password),
 * RATE_LIMITED, CONFLICT (the session ended meanwhile).
 */
export async function changePassword({ actor, input, clientAddress, db = getDb() }: ChangePasswordOptions): Promise<void> {
  assertCan(actor, 'account.update');
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'auth.signIn');
  const fields = changePasswordFieldsSchema.safeParse(input);
  if (!fields.success) throw AppError.invalidInput(fields.error.issues, 'input.invalidForm');

  const attempt = await countSignInAttempt({ email: actor.email, clientAddress });
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, fields.data.currentPassword))) {
    throw new AppError('INVALID_INPUT', 'account.wrongCurrentPassword', { details: { currentPassword: [fieldMessage('field.notCurrentPassword')] } });
  }
  await attempt.succeeded();

  const parsed = changePasswordSchemaFor(actor).safeParse(fields.data);
  if (!parsed.success) throw AppError.invalidInput(parsed.error.issues, 'input.invalidForm');
  const passwordHash = await hashPassword(parsed.data.newPassword);
  await withTransaction(db, async (tx) => {
    // Compare-and-set on the session version: a session ended while the hash was computed
    // (signed out elsewhere, account disabled) changes nothing.
    const changed = await tx.user.updateMany({
      where: { id: actor.id, sessionVersion: actor.sessionVersion, disabledAt: null },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (changed.count !== 1) throw new AppError('CONFLICT', 'account.sessionEnded');
    await recordAuditEvent({ db: tx, type: 'user.password_changed', actorId: actor.id, data: { userId: actor.id } });
  });
}
