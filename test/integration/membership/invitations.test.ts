import { describe, expect, it } from 'vitest';

import { loadActor } from '../../../lib/auth/load-actor';
import { can, type Actor } from '../../../lib/auth/permissions';
import { INVITATION_LIMITS } from '../../../lib/config/limits';
import { getDb } from '../../../lib/db/client';
import { acceptInvitation } from '../../../lib/membership/accept-invitation';
import { createInvitation } from '../../../lib/membership/create-invitation';
import { findInvitation } from '../../../lib/membership/find-invitation';
import { findInvitations } from '../../../lib/membership/find-invitations';
import { hashInvitationToken } from '../../../lib/membership/invitation-token';
import { revokeInvitation } from '../../../lib/membership/revoke-invitation';
import { createInvitationSchema, type CreateInvitationInput } from '../../../lib/membership/schemas';
import { uniqueAddress } from '../../helpers/addresses';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, grantRole } from '../../helpers/factories';

async function siteAdmin(): Promise<Actor & { kind: 'user' }> {
  const user = await buildUser({ name: 'Site Admin' });
  await getDb().user.update({ where: { id: user.id }, data: { siteRole: 'ADMIN' } });
  return (await loadActor({ userId: user.id })) as Actor & { kind: 'user' };
}

const input = (collectionId: string, overrides: Partial<CreateInvitationInput> = {}): CreateInvitationInput => ({ collectionId, role: 'EDITOR', expiresInDays: 7, ...overrides });

async function roleIn(userId: string, collectionId: string): Promise<string | null> {
  const member = await getDb().collectionMember.findUnique({ where: { collectionId_userId: { collectionId, userId } }, select: { role: true } });
  return member?.role ?? null;
}

describe('invitation links', () => {
  it('a site admin makes a link; accepting it gives its role; the token is stored only as a hash; all audited', async () => {
    const admin = await siteAdmin();
    const collection = await buildCollection();
    const created = await createInvitation({ actor: admin, input: input(collection.id, { maxUses: 3 }) });

    const row = await getDb().collectionInvitation.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashInvitationToken(created.token));
    expect(row.tokenHash).not.toContain(created.token);
    const stored = JSON.stringify(await getDb().collectionInvitation.findMany({ where: { collectionId: collection.id } }));
    expect(stored).not.toContain(created.token);
    expect(created.token.length).toBeGreaterThanOrEqual(40);
    expect(await findInvitation({ token: created.token })).toMatchObject({ state: 'valid', role: 'EDITOR', collection: { id: collection.id } });

    const newcomer = await buildUser();
    const accepted = await acceptInvitation({ actor: newcomer.actor, token: created.token, clientAddress: null });
    expect(accepted).toMatchObject({ role: 'EDITOR', invitedAs: 'EDITOR', isNewUse: true, collection: { id: collection.id } });
    expect(await roleIn(newcomer.id, collection.id)).toBe('EDITOR');
    expect(can(await loadActor({ userId: newcomer.id }), 'suggestion.review', { collectionId: collection.id })).toBe(true);
    const member = await getDb().collectionMember.findUniqueOrThrow({ where: { collectionId_userId: { collectionId: collection.id, userId: newcomer.id } } });
    expect(member.grantedById).toBe(admin.id);

    // Accepting again uses nothing.
    expect(await acceptInvitation({ actor: newcomer.actor, token: created.token, clientAddress: null })).toMatchObject({ isNewUse: false });
    const [listed] = await findInvitations({ actor: admin, collectionId: collection.id });
    expect(listed).toMatchObject({ id: created.id, role: 'EDITOR', createdBy: 'Site Admin', useCount: 1, maxUses: 3, state: 'valid' });

    await revokeInvitation({ actor: admin, input: { invitationId: created.id } });
    const events = await getDb().auditEvent.findMany({ where: { collectionId: collection.id, type: { startsWith: 'invitation.' } }, orderBy: { createdAt: 'asc' }, select: { type: true, actorId: true, data: true } });
    expect(events.map((event) => event.type)).toEqual(['invitation.created', 'invitation.accepted', 'invitation.revoked']);
    expect(events[1]).toMatchObject({ actorId: newcomer.id, data: { invitationId: created.id, userId: newcomer.id, invitedAs: 'EDITOR', role: 'EDITOR', previousRole: null } });
    expect(JSON.stringify(events)).not.toContain(created.token);
  });

  it('refuses expired, revoked and used-up links, and says which', async () => {
    const admin = await siteAdmin();
    const collection = await buildCollection();
    const longAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    const expired = await createInvitation({ actor: admin, input: input(collection.id), now: longAgo });
    const revoked = await createInvitation({ actor: admin, input: input(collection.id) });
    await revokeInvitation({ actor: admin, input: { invitationId: revoked.id } });
    const once = await createInvitation({ actor: admin, input: input(collection.id, { role: 'VOLUNTEER', maxUses: 1 }) });

    const first = await buildUser();
    const second = await buildUser();
    expect(await findInvitation({ token: expired.token })).toMatchObject({ state: 'expired' });
    expect(await findInvitation({ token: revoked.token })).toMatchObject({ state: 'revoked' });
    expect(await errorCodeOf(acceptInvitation({ actor: first.actor, token: expired.token, clientAddress: null }))).toBe('CONFLICT');
    expect(await errorCodeOf(acceptInvitation({ actor: first.actor, token: revoked.token, clientAddress: null }))).toBe('CONFLICT');
    expect(await roleIn(first.id, collection.id)).toBeNull();

    // A volunteer link adds no membership but counts its use; the second account finds it used up.
    expect(await acceptInvitation({ actor: first.actor, token: once.token, clientAddress: null })).toMatchObject({ role: null, invitedAs: 'VOLUNTEER', isNewUse: true });
    expect(await roleIn(first.id, collection.id)).toBeNull();
    expect(await findInvitation({ token: once.token })).toMatchObject({ state: 'used-up' });
    expect(await errorCodeOf(acceptInvitation({ actor: second.actor, token: once.token, clientAddress: null }))).toBe('CONFLICT');
    expect(await errorCodeOf(acceptInvitation({ actor: second.actor, token: 'x'.repeat(43), clientAddress: null }))).toBe('NOT_FOUND');
    expect(await findInvitation({ token: 'not a token' })).toEqual({ state: 'unknown' });
  });

  it('a link for N uses admits N accounts when they accept at once', async () => {
    const admin = await siteAdmin();
    const collection = await buildCollection();
    const link = await createInvitation({ actor: admin, input: input(collection.id, { maxUses: 2 }) });
    const people = await Promise.all([buildUser(), buildUser(), buildUser(), buildUser()]);
    const outcomes = await Promise.all(people.map((person) => errorCodeOf(acceptInvitation({ actor: person.actor, token: link.token, clientAddress: null }))));
    expect(outcomes.filter((code) => code === 'resolved')).toHaveLength(2);
    expect(outcomes.filter((code) => code === 'CONFLICT')).toHaveLength(2);
    expect(await getDb().collectionMember.count({ where: { collectionId: collection.id, userId: { in: people.map((person) => person.id) } } })).toBe(2);
  });

  it('never lowers a higher role, and uses nothing then', async () => {
    const collection = await buildCollection();
    const owner = await buildUser();
    const ownerActor = await grantRole(owner.id, collection.id, 'ADMIN');
    const link = await createInvitation({ actor: ownerActor, input: input(collection.id, { role: 'EDITOR', maxUses: 1 }) });

    const otherAdmin = await buildUser();
    const otherAdminActor = await grantRole(otherAdmin.id, collection.id, 'ADMIN');
    expect(await acceptInvitation({ actor: otherAdminActor, token: link.token, clientAddress: null })).toMatchObject({ role: 'ADMIN', isNewUse: false });
    expect(await roleIn(otherAdmin.id, collection.id)).toBe('ADMIN');

    // An editor raised to admin by an admin link.
    const adminLink = await createInvitation({ actor: ownerActor, input: input(collection.id, { role: 'ADMIN' }) });
    const editor = await buildUser();
    const editorActor = await grantRole(editor.id, collection.id, 'EDITOR');
    expect(await acceptInvitation({ actor: editorActor, token: adminLink.token, clientAddress: null })).toMatchObject({ role: 'ADMIN', isNewUse: true });
    expect(await roleIn(editor.id, collection.id)).toBe('ADMIN');

    // The editor link's one use is still there for someone it raises.
    expect(await findInvitation({ token: link.token })).toMatchObject({ state: 'valid' });
  });

  it('only site admins and the collection’s admins make, list and revoke links', async () => {
    const collection = await buildCollection();
    const other = await buildCollection();
    const owner = await buildUser();
    const ownerActor = await grantRole(owner.id, collection.id, 'ADMIN');
    const editor = await buildUser();
    const editorActor = await grantRole(editor.id, collection.id, 'EDITOR');
    const volunteer = await buildUser();

    expect(await errorCodeOf(createInvitation({ actor: volunteer.actor, input: input(collection.id) }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(createInvitation({ actor: editorActor, input: input(collection.id) }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(createInvitation({ actor: ownerActor, input: input(other.id) }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(createInvitation({ actor: { kind: 'anonymous' }, input: input(collection.id) }))).toBe('UNAUTHENTICATED');

    const link = await createInvitation({ actor: ownerActor, input: input(collection.id) });
    expect(await findInvitations({ actor: editorActor, collectionId: collection.id })).toEqual([]);
    expect(await errorCodeOf(revokeInvitation({ actor: editorActor, input: { invitationId: link.id } }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(acceptInvitation({ actor: { kind: 'anonymous' }, token: link.token, clientAddress: null }))).toBe('UNAUTHENTICATED');
    expect(await getDb().collectionInvitation.count({ where: { collectionId: collection.id } })).toBe(1);
  });

  it('counts opening and accepting links per address, like sign-ups', async () => {
    const person = await buildUser();
    const address = uniqueAddress();
    const codes: string[] = [];
    for (let attempt = 0; attempt < INVITATION_LIMITS[0].max + 1; attempt += 1) {
      codes.push(await errorCodeOf(acceptInvitation({ actor: person.actor, token: `guess${'x'.repeat(38)}${attempt}`, clientAddress: address })));
    }
    expect(codes.slice(0, INVITATION_LIMITS[0].max).every((code) => code === 'NOT_FOUND')).toBe(true);
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    // Another address is not held back.
    expect(await errorCodeOf(acceptInvitation({ actor: person.actor, token: 'y'.repeat(43), clientAddress: uniqueAddress() }))).toBe('NOT_FOUND');
  });

  it('bounds the form: expiry among the choices, uses from 1 to the limit', () => {
    const collectionId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    expect(createInvitationSchema.safeParse({ collectionId, role: 'EDITOR', expiresInDays: '30', maxUses: '' }).data).toEqual({ collectionId, role: 'EDITOR', expiresInDays: 30 });
    expect(createInvitationSchema.safeParse({ collectionId, role: 'EDITOR', expiresInDays: '5' }).success).toBe(false);
    expect(createInvitationSchema.safeParse({ collectionId, role: 'EDITOR', expiresInDays: '7', maxUses: '0' }).success).toBe(false);
    expect(createInvitationSchema.safeParse({ collectionId, role: 'EDITOR', expiresInDays: '7', maxUses: '1001' }).success).toBe(false);
    expect(createInvitationSchema.safeParse({ collectionId, role: 'OWNER', expiresInDays: '7' }).success).toBe(false);
  });
});
