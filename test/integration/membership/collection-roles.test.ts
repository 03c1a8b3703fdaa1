import { describe, expect, it } from 'vitest';

import { loadActor } from '../../../lib/auth/load-actor';
import { can, type Actor } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { createCollection } from '../../../lib/membership/create-collection';
import { findManagedCollections } from '../../../lib/membership/find-managed-collections';
import { grantCollectionRole } from '../../../lib/membership/grant-collection-role';
import { revokeCollectionRole } from '../../../lib/membership/revoke-collection-role';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, grantRole } from '../../helpers/factories';

async function siteAdmin(): Promise<Actor> {
  const user = await buildUser();
  await getDb().user.update({ where: { id: user.id }, data: { siteRole: 'ADMIN' } });
  return loadActor({ userId: user.id });
}


describe('collection roles', () => {
  it('a site admin grants editor, the editor may import there only, and revoking takes effect at once; all audited', async () => {
    const admin = await siteAdmin();
    const collection = await buildCollection();
    const other = await buildCollection();
    const volunteer = await buildUser();
    expect(can(volunteer.actor, 'work.import', { collectionId: collection.id })).toBe(false);

    await grantCollectionRole({ actor: admin, input: { collectionId: collection.id, email: volunteer.email.toUpperCase().toLowerCase(), role: 'EDITOR' } });
    const editor = await loadActor({ userId: volunteer.id });
    expect(can(editor, 'work.import', { collectionId: collection.id })).toBe(true);
    expect(can(editor, 'work.import', { collectionId: other.id })).toBe(false);
    expect(can(editor, 'collection.manageMembers', { collectionId: collection.id })).toBe(false);

    // Granting again changes the role instead of failing.
    await grantCollectionRole({ actor: admin, input: { collectionId: collection.id, email: volunteer.email, role: 'ADMIN' } });
    expect(can(await loadActor({ userId: volunteer.id }), 'collection.manageMembers', { collectionId: collection.id })).toBe(true);

    await revokeCollectionRole({ actor: admin, input: { collectionId: collection.id, userId: volunteer.id } });
    expect(can(await loadActor({ userId: volunteer.id }), 'work.import', { collectionId: collection.id })).toBe(false);

    const events = await getDb().auditEvent.findMany({ where: { collectionId: collection.id }, orderBy: { createdAt: 'asc' }, select: { type: true, actorId: true, data: true } });
    expect(events.map((event) => event.type)).toEqual(['role.granted', 'role.granted', 'role.revoked']);
    expect(events[1]?.data).toMatchObject({ role: 'ADMIN', previousRole: 'EDITOR' });
    expect(events.every((event) => event.actorId === (admin.kind === 'user' ? admin.id : null))).toBe(true);
  });

  it('a collection admin manages their own collection only; volunteers and editors manage none', async () => {
    const collection = await buildCollection();
    const other = await buildCollection();
    const owner = await buildUser();
    const ownerActor = await grantRole(owner.id, collection.id, 'ADMIN');
    const helper = await buildUser();

    await grantCollectionRole({ actor: ownerActor, input: { collectionId: collection.id, email: helper.email, role: 'EDITOR' } });
    expect(await errorCodeOf(grantCollectionRole({ actor: ownerActor, input: { collectionId: other.id, email: helper.email, role: 'EDITOR' } }))).toBe('FORBIDDEN');
    const helperActor = await loadActor({ userId: helper.id });
    expect(await errorCodeOf(grantCollectionRole({ actor: helperActor, input: { collectionId: collection.id, email: owner.email, role: 'EDITOR' } }))).toBe('FORBIDDEN');

    const managed = await findManagedCollections({ actor: ownerActor });
    expect(managed.map((c) => c.id)).toEqual([collection.id]);
    expect(managed[0]?.members.map((m) => [m.email, m.role])).toEqual([
      [owner.email, 'ADMIN'],
      [helper.email, 'EDITOR'],
    ]);
    expect(await findManagedCollections({ actor: helperActor })).toEqual([]);
  });

  it('names unknown accounts and memberships as NOT_FOUND', async () => {
    const admin = await siteAdmin();
    const collection = await buildCollection();
    await expect(grantCollectionRole({ actor: admin, input: { collectionId: collection.id, email: 'nobody-here@example.org', role: 'EDITOR' } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { email: ['No such account.'] },
    });
    const user = await buildUser();
    expect(await errorCodeOf(revokeCollectionRole({ actor: admin, input: { collectionId: collection.id, userId: user.id } }))).toBe('NOT_FOUND');
  });

  it('only site admins create collections, with unique titles', async () => {
    const admin = await siteAdmin();
    const volunteer = await buildUser();
    const title = `Letters ${Date.now()}`;
    expect(await errorCodeOf(createCollection({ actor: volunteer.actor, input: { title, description: '' } }))).toBe('FORBIDDEN');
    const created = await createCollection({ actor: admin, input: { title, description: 'Letters and notes.' } });
    expect(created.slug).toMatch(/^letters-/);
    expect(await errorCodeOf(createCollection({ actor: admin, input: { title, description: '' } }))).toBe('CONFLICT');
  });
});
