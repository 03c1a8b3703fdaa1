import type { InvitationRoleName } from './schemas';

/** What an invitation link says now: usable, or why not. */
export type InvitationState = 'valid' | 'expired' | 'revoked' | 'used-up';

/** Whether a stored invitation works at `now`; revocation wins over expiry, expiry over uses. Pure. */
export function invitationState(row: { expiresAt: Date; revokedAt: Date | null; maxUses: number | null; useCount: number }, now: Date): InvitationState {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt <= now) return 'expired';
  if (row.maxUses !== null && row.useCount >= row.maxUses) return 'used-up';
  return 'valid';
}

const RANK: Record<InvitationRoleName, number> = { VOLUNTEER: 0, EDITOR: 1, ADMIN: 2 };

/** The role an account holds after accepting `invited` while holding `current` (null: none): never lower. Pure. */
export function roleAfterInvitation(current: 'EDITOR' | 'ADMIN' | null, invited: InvitationRoleName): 'EDITOR' | 'ADMIN' | null {
  const held = current ?? 'VOLUNTEER';
  const kept = RANK[held] >= RANK[invited] ? held : invited;
  return kept === 'VOLUNTEER' ? null : kept;
}
