import 'server-only';

import { countInvitationAttempt } from './invitation-limit';
import { invitationState, roleAfterInvitation } from './invitation-state';
import { hashInvitationToken } from './invitation-token';
import { invitationTokenSchema, type InvitationRoleName } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

export interface AcceptedInvitation {
  collection: { id: string; slug: string; title: string };
  /** The role the link gives. */
  invitedAs: InvitationRoleName;
  /** The role the account holds in the collection now (null: a volunteer, as every account is). */
  role: 'EDITOR' | 'ADMIN' | null;
  /** False when the account had accepted this link before, or already held this role or a higher one: no use was counted. */
  isNewUse: boolean;
}

/** The messages of links that no longer work, by state. */
const REFUSED = {
  expired: 'invitation.expired',
  revoked: 'invitation.revoked',
  'used-up': 'invitation.usedUp',
} as const;

/**
 * The signed-in `actor` joins the collection of the invitation `token` with its role, never
 * lowering a role held there already (an admin who opens an editor's link stays admin). Counted
 * against the invitation limits per address first. The link is locked while it is checked and its
 * use counted, so a link for N uses admits N accounts however many accept at once; an account
 * that accepted the same link before, or already held the role, uses none. Audited as
 * `invitation.accepted`. Throws UNAUTHENTICATED, RATE_LIMITED, NOT_FOUND (no such link), CONFLICT
 * (expired, revoked, used up).
 */
export async function acceptInvitation({ actor, token, clientAddress, now = new Date(), db = getDb() }: { actor: Actor; token: string; clientAddress: string | null; now?: Date; db?: Db }): Promise<AcceptedInvitation> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'invitation.signInToAccept');
  if (clientAddress !== null) await countInvitationAttempt({ clientAddress });
  const parsed = invitationTokenSchema.safeParse(token);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'invitation.notValid');
  const tokenHash = hashInvitationToken(parsed.data);
  return withTransaction(db, async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM collection_invitation WHERE token_hash = ${tokenHash} FOR UPDATE`;
    if (!locked) throw new AppError('NOT_FOUND', 'invitation.notValid');
    const invitation = await tx.collectionInvitation.findUniqueOrThrow({
      where: { id: locked.id },
      select: { id: true, role: true, createdById: true, expiresAt: true, revokedAt: true, maxUses: true, useCount: true, collection: { select: { id: true, slug: true, title: true } } },
    });
    const collection = invitation.collection;
    const member = await tx.collectionMember.findUnique({ where: { collectionId_userId: { collectionId: collection.id, userId: actor.id } }, select: { role: true } });
    const previousRole = member?.role ?? null;
    const role = roleAfterInvitation(previousRole, invitation.role);
    const acceptedBefore = await tx.auditEvent.count({ where: { type: 'invitation.accepted', collectionId: collection.id, actorId: actor.id, data: { path: ['invitationId'], equals: invitation.id } } });
    const gainsNothing = acceptedBefore > 0 || (previousRole !== null && role === previousRole);
    if (gainsNothing) return { collection, invitedAs: invitation.role, role, isNewUse: false };

    const state = invitationState(invitation, now);
    if (state !== 'valid') throw new AppError('CONFLICT', REFUSED[state], { details: { state } });
    // The membership row is not locked: written so that a role granted meanwhile is never lowered.
    // ADMIN is the highest role, so raising to it may overwrite; EDITOR is only ever added where
    // there was no role, and a row that appeared meanwhile is kept.
    if (role === 'ADMIN' && previousRole !== 'ADMIN') {
      await tx.collectionMember.upsert({
        where: { collectionId_userId: { collectionId: collection.id, userId: actor.id } },
        create: { collectionId: collection.id, userId: actor.id, role, grantedById: invitation.createdById },
        update: { role, grantedById: invitation.createdById },
      });
    } else if (role === 'EDITOR' && previousRole === null) {
      await tx.collectionMember.createMany({ data: { collectionId: collection.id, userId: actor.id, role, grantedById: invitation.createdById }, skipDuplicates: true });
    }
    await tx.collectionInvitation.update({ where: { id: invitation.id }, data: { useCount: { increment: 1 } } });
    await recordAuditEvent({ db: tx, type: 'invitation.accepted', actorId: actor.id, collectionId: collection.id, data: { invitationId: invitation.id, userId: actor.id, invitedAs: invitation.role, role, previousRole } });
    return { collection, invitedAs: invitation.role, role, isNewUse: true };
  });
}
