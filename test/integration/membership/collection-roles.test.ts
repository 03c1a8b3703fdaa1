import { describe, expect, it } from 'vitest';

import { loadActor } from '../../../lib/auth/load-actor';
import { can, SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { importWork } from '../../../lib/import/import-work';
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

  it('makes whoever creates a collection, or imports into a new one, its admin, audited as implicit grants', async () => {
    const admin = await siteAdmin();
    const adminId = admin.kind === 'user' ? admin.id : '';
    const created = await createCollection({ actor: admin, input: { title: `Diaries ${Date.now()}`, description: '' } });
    const file = { name: 'chapter.md', bytes: new TextEncoder().encode('# Chapter One\n\nIt was a bright cold day.\n') };
    const imported = await importWork({ actor: admin, file, collection: { title: `Novels ${Date.now()}` }, metadata: { title: 'Chapter One', language: 'en' } });
    const importedInto = (await getDb().work.findUniqueOrThrow({ where: { id: imported.workId }, select: { collectionId: true } })).collectionId;

    const managed = await findManagedCollections({ actor: admin });
    for (const collectionId of [created.id, importedInto]) {
      const collection = managed.find((candidate) => candidate.id === collectionId);
      expect(collection?.members.map((member) => [member.userId, member.role, member.grantedBy, member.isSelfGranted])).toEqual([[adminId, 'ADMIN', 'Test User', true]]);
      const events = await getDb().auditEvent.findMany({ where: { collectionId, type: { in: ['collection.created', 'role.granted'] } }, orderBy: { type: 'asc' }, select: { type: true, actorId: true, implicit: true, data: true } });
      expect(events).toEqual([
        { type: 'collection.created', actorId: adminId, implicit: collectionId === importedInto, data: expect.any(Object) },
        { type: 'role.granted', actorId: adminId, implicit: true, data: { userId: adminId, role: 'ADMIN', previousRole: null } },
      ]);
    }
    // The role is the collection's own: it stays when the account stops being a site admin.
    await getDb().user.update({ where: { id: adminId }, data: { siteRole: 'USER' } });
    const former = await loadActor({ userId: adminId });
    expect(can(former, 'collection.manageMembers', { collectionId: created.id })).toBe(true);
    expect(can(former, 'collection.create')).toBe(false);

    // The command line acts for no account: its collections start with no member.
    const byCli = await importWork({ actor: SYSTEM_ACTOR, file, collection: { title: `Shell ${Date.now()}` }, metadata: { title: 'Chapter One', language: 'en' } });
    const cliCollection = (await getDb().work.findUniqueOrThrow({ where: { id: byCli.workId }, select: { collectionId: true } })).collectionId;
    expect(await getDb().collectionMember.count({ where: { collectionId: cliCollection } })).toBe(0);
  });
});
