import 'server-only';

import { setAccountDisabledSchema, type SetAccountDisabledInput } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertCan, actorUserId, type Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';

/**
 * Disables an account (it can no longer sign in, and every session it has ends at once: the
 * session version is raised, and its collaboration connections are closed by the trigger on
 * `user`) or enables it again. Site admins only; nobody disables their own account. Throws
 * UNAUTHENTICATED / FORBIDDEN, INVALID_INPUT, NOT_FOUND (no such account).
 */
export async function setAccountDisabled({ actor, input, db = getDb() }: { actor: Actor; input: SetAccountDisabledInput; db?: Db }): Promise<{ userId: string; isDisabled: boolean }> {
  assertCan(actor, 'account.disable');
  const { email, isDisabled } = setAccountDisabledSchema.parse(input);
  return withTransaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, disabledAt: true } });
    if (!user) throw new AppError('NOT_FOUND', 'account.noSuchEmail', { values: { email }, details: { email: [fieldMessage('field.noSuchAccount')] } });
    if (user.id === actorUserId(actor)) throw new AppError('INVALID_INPUT', 'account.cannotDisableSelf', { details: { email: [fieldMessage('field.ownAccount')] } });
    if (isDisabled === (user.disabledAt !== null)) return { userId: user.id, isDisabled };
    await tx.user.update({
      where: { id: user.id },
      data: isDisabled ? { disabledAt: new Date(), sessionVersion: { increment: 1 } } : { disabledAt: null },
    });
    await recordAuditEvent({ db: tx, type: isDisabled ? 'user.disabled' : 'user.enabled', actorId: actorUserId(actor), data: { userId: user.id } });
    return { userId: user.id, isDisabled };
  });
}
