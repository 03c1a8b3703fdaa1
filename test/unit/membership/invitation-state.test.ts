import { describe, expect, it } from 'vitest';

import { invitationState, roleAfterInvitation } from '../../../lib/membership/invitation-state';

const now = new Date('2026-12-07T12:00:00Z');
const later = new Date('2026-12-08T12:00:00Z');

describe('invitation links', () => {
  it('work until revoked, expired or used up, revocation first', () => {
    expect(invitationState({ expiresAt: later, revokedAt: null, maxUses: null, useCount: 40 }, now)).toBe('valid');
    expect(invitationState({ expiresAt: later, revokedAt: null, maxUses: 2, useCount: 1 }, now)).toBe('valid');
    expect(invitationState({ expiresAt: later, revokedAt: null, maxUses: 2, useCount: 2 }, now)).toBe('used-up');
    expect(invitationState({ expiresAt: now, revokedAt: null, maxUses: 2, useCount: 2 }, now)).toBe('expired');
    expect(invitationState({ expiresAt: now, revokedAt: now, maxUses: 2, useCount: 2 }, now)).toBe('revoked');
  });

  it('never lower a role held already', () => {
    expect(roleAfterInvitation(null, 'VOLUNTEER')).toBeNull();
    expect(roleAfterInvitation(null, 'EDITOR')).toBe('EDITOR');
    expect(roleAfterInvitation('EDITOR', 'ADMIN')).toBe('ADMIN');
    expect(roleAfterInvitation('ADMIN', 'EDITOR')).toBe('ADMIN');
    expect(roleAfterInvitation('EDITOR', 'VOLUNTEER')).toBe('EDITOR');
  });
});
