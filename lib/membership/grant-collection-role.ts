import 'server-only';

import type { GrantRoleInput } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertCan, type Actor, actorUserId } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';

export interface GrantCollectionRoleOptions {
  actor: Actor;
  input: GrantRoleInput;
  db?: Db;
}

/**
 * Gives the account with `input.email` the role `input.role` in a collection (or changes the role
 * it has there), with a `role.granted` audit event in the same transaction. Throws
 * UNAUTHENTICATED/FORBIDDEN (only site admins and the collection's admins manage members),
 * NOT_FOUND (collection or account).
 */
export async function grantCollectionRole({ actor, input, db = getDb() }: GrantCollectionRoleOptions): Promise<{ userId: string; role: 'EDITOR' | 'ADMIN' }> {
  assertCan(actor, 'collection.manageMembers', { collectionId: input.collectionId });
  return withTransaction(db, async (tx) => {
    const collection = await tx.collection.findUnique({ where: { id: input.collectionId }, select: { id: true } });
    if (!collection) throw new AppError('NOT_FOUND', 'collection.notFoundThat');
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, disabledAt: true } });
    if (!user || user.disabledAt) throw new AppError('NOT_FOUND', 'membership.noActiveAccount', { values: { email: input.email }, details: { email: [fieldMessage('field.noSuchAccount')] } });
    const previous = await tx.collectionMember.findUnique({ where: { collectionId_userId: { collectionId: collection.id, userId: user.id } }, select: { role: true } });
    const grantedById = actorUserId(actor);
    await tx.collectionMember.upsert({
      where: { collectionId_userId: { collectionId: collection.id, userId: user.id } },
      create: { collectionId: collection.id, userId: user.id, role: input.role, grantedById },
      update: { role: input.role, grantedById },
    });
    await recordAuditEvent({ db: tx, type: 'role.granted', actorId: grantedById, collectionId: collection.id, data: { userId: user.id, role: input.role, previousRole: previous?.role ?? null } });
    return { userId: user.id, role: input.role };
  });
}
