import 'server-only';

import type { RevokeRoleInput } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertCan, type Actor, actorUserId } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

/**
 * Removes a member's editor/admin role in a collection (they stay a volunteer), with a
 * `role.revoked` audit event. Throws UNAUTHENTICATED/FORBIDDEN, NOT_FOUND (no such membership).
 */
export async function revokeCollectionRole({ actor, input, db = getDb() }: { actor: Actor; input: RevokeRoleInput; db?: Db }): Promise<void> {
  assertCan(actor, 'collection.manageMembers', { collectionId: input.collectionId });
  await withTransaction(db, async (tx) => {
    const deleted = await tx.collectionMember.deleteMany({ where: { collectionId: input.collectionId, userId: input.userId } });
    if (deleted.count === 0) throw new AppError('NOT_FOUND', 'membership.noRole');
    await recordAuditEvent({ db: tx, type: 'role.revoked', actorId: actorUserId(actor), collectionId: input.collectionId, data: { userId: input.userId } });
  });
}
