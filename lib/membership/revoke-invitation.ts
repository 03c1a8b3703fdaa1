import 'server-only';

import type { RevokeInvitationInput } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertCan, type Actor, actorUserId } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

/**
 * Makes an invitation link stop working at once (those who joined with it keep their role).
 * Revoking a revoked link changes nothing. Audited as `invitation.revoked`. Throws
 * UNAUTHENTICATED/FORBIDDEN, NOT_FOUND.
 */
export async function revokeInvitation({ actor, input, now = new Date(), db = getDb() }: { actor: Actor; input: RevokeInvitationInput; now?: Date; db?: Db }): Promise<void> {
  await withTransaction(db, async (tx) => {
    const invitation = await tx.collectionInvitation.findUnique({ where: { id: input.invitationId }, select: { id: true, collectionId: true, role: true, revokedAt: true } });
    // Someone who may not manage the collection learns nothing about its links.
    if (!invitation) throw new AppError('NOT_FOUND', 'invitation.notFound');
    assertCan(actor, 'collection.manageMembers', { collectionId: invitation.collectionId });
    if (invitation.revokedAt) return;
    await tx.collectionInvitation.update({ where: { id: invitation.id }, data: { revokedAt: now } });
    await recordAuditEvent({ db: tx, type: 'invitation.revoked', actorId: actorUserId(actor), collectionId: invitation.collectionId, data: { invitationId: invitation.id, role: invitation.role } });
  });
}
