import 'server-only';

import { invitationState, type InvitationState } from './invitation-state';
import type { InvitationRoleName } from './schemas';
import { can, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';

/** Most links listed per collection (the newest). */
const LISTED = 100;

export interface InvitationListItem {
  id: string;
  role: InvitationRoleName;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  maxUses: number | null;
  useCount: number;
  state: InvitationState;
}

/** A collection's invitation links, newest first, for its admins and site admins; empty for anyone else. */
export async function findInvitations({ actor, collectionId, now = new Date(), db = getDb() }: { actor: Actor; collectionId: string; now?: Date; db?: Db }): Promise<InvitationListItem[]> {
  if (!can(actor, 'collection.manageMembers', { collectionId })) return [];
  const rows = await db.collectionInvitation.findMany({
    where: { collectionId },
    orderBy: { createdAt: 'desc' },
    take: LISTED,
    select: { id: true, role: true, createdAt: true, expiresAt: true, maxUses: true, useCount: true, revokedAt: true, createdBy: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    createdBy: row.createdBy?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    maxUses: row.maxUses,
    useCount: row.useCount,
    state: invitationState(row, now),
  }));
}
