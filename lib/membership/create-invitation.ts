import 'server-only';

import { hashInvitationToken, newInvitationToken } from './invitation-token';
import type { CreateInvitationInput, InvitationRoleName } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertCan, type Actor, actorUserId } from '../auth/permissions';
import { MAX_OPEN_INVITATIONS_PER_COLLECTION } from '../config/limits';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

export interface CreatedInvitation {
  id: string;
  /** The secret of the link, returned this once: only its hash is stored. */
  token: string;
  role: InvitationRoleName;
  expiresAt: string;
  maxUses: number | null;
}

/**
 * Makes an invitation link for a collection: whoever opens it and has (or creates) an account
 * joins the collection with `input.role`, until it expires, is revoked or has been used
 * `input.maxUses` times. Only the collection's admins and site admins invite, as they grant roles
 * (`collection.manageMembers`). Audited as `invitation.created`. Throws UNAUTHENTICATED/FORBIDDEN,
 * NOT_FOUND (collection), CONFLICT (too many open links).
 */
export async function createInvitation({ actor, input, now = new Date(), db = getDb() }: { actor: Actor; input: CreateInvitationInput; now?: Date; db?: Db }): Promise<CreatedInvitation> {
  assertCan(actor, 'collection.manageMembers', { collectionId: input.collectionId });
  const token = newInvitationToken();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 24 * 60 * 60 * 1000);
  const maxUses = input.maxUses ?? null;
  return withTransaction(db, async (tx) => {
    const collection = await tx.collection.findUnique({ where: { id: input.collectionId }, select: { id: true } });
    if (!collection) throw new AppError('NOT_FOUND', 'collection.notFoundThat');
    const open = await tx.collectionInvitation.findMany({ where: { collectionId: collection.id, revokedAt: null, expiresAt: { gt: now } }, select: { maxUses: true, useCount: true } });
    if (open.filter((row) => row.maxUses === null || row.useCount < row.maxUses).length >= MAX_OPEN_INVITATIONS_PER_COLLECTION) {
      throw new AppError('CONFLICT', 'invitation.tooManyOpen', { values: { count: MAX_OPEN_INVITATIONS_PER_COLLECTION } });
    }
    const createdById = actorUserId(actor);
    const row = await tx.collectionInvitation.create({
      data: { collectionId: collection.id, tokenHash: hashInvitationToken(token), role: input.role, createdById, createdAt: now, expiresAt, maxUses },
      select: { id: true },
    });
    await recordAuditEvent({ db: tx, type: 'invitation.created', actorId: createdById, collectionId: collection.id, data: { invitationId: row.id, role: input.role, expiresAt: expiresAt.toISOString(), maxUses } });
    return { id: row.id, token, role: input.role, expiresAt: expiresAt.toISOString(), maxUses };
  });
}
