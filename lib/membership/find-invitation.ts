import 'server-only';

import { invitationState, type InvitationState } from './invitation-state';
import { hashInvitationToken } from './invitation-token';
import { invitationTokenSchema, type InvitationRoleName } from './schemas';
import { getDb, type Db } from '../db/client';

/** What an invitation link's page shows: the collection and role, and whether the link still works. */
export type InvitationLookup =
  | { state: 'unknown' }
  | { state: InvitationState; role: InvitationRoleName; expiresAt: string; collection: { id: string; slug: string; title: string } };

/**
 * The invitation a token opens, for the link's page and the sign-up page (accepting checks again
 * under a lock). A token that is malformed or matches nothing is `unknown`. The caller counts the
 * lookup against the invitation limits first.
 */
export async function findInvitation({ token, now = new Date(), db = getDb() }: { token: string; now?: Date; db?: Db }): Promise<InvitationLookup> {
  const parsed = invitationTokenSchema.safeParse(token);
  if (!parsed.success) return { state: 'unknown' };
  const row = await db.collectionInvitation.findUnique({
    where: { tokenHash: hashInvitationToken(parsed.data) },
    select: { role: true, expiresAt: true, revokedAt: true, maxUses: true, useCount: true, collection: { select: { id: true, slug: true, title: true } } },
  });
  if (!row) return { state: 'unknown' };
  return { state: invitationState(row, now), role: row.role, expiresAt: row.expiresAt.toISOString(), collection: row.collection };
}
