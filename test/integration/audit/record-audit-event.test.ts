import { beforeAll, describe, expect, it } from 'vitest';

import { findAuditEvents } from '../../../lib/audit/find-audit-events';
import { parseAuditEvent } from '../../../lib/audit/parse-audit-event';
import { recordAuditEvent } from '../../../lib/audit/record-audit-event';
import { loadActor } from '../../../lib/auth/load-actor';
import type { Actor } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { englishSummary } from '../../helpers/audit-summary';
import { buildCollection, buildUser, buildWork } from '../../helpers/factories';

describe('recording audit events', () => {
  let siteAdmin: Actor;
  let adminId: string;
  let collectionId: string;
  let workId: string;

  beforeAll(async () => {
    const admin = await buildUser({ name: 'Recording Admin' });
    await getDb().user.update({ where: { id: admin.id }, data: { siteRole: 'ADMIN' } });
    siteAdmin = await loadActor({ userId: admin.id });
    adminId = admin.id;
    collectionId = (await buildCollection('Recorded')).id;
    workId = (await buildWork({ collectionId })).workId;
  });

  it('writes an event in the caller’s transaction that reads back typed', async () => {
    const member = await buildUser({ name: 'Grace' });
    const { id } = await getDb().$transaction((tx) =>
      recordAuditEvent({ db: tx, type: 'role.granted', actorId: adminId, collectionId, data: { userId: member.id, role: 'EDITOR', previousRole: null } }),
    );
    const row = await getDb().auditEvent.findUniqueOrThrow({ where: { id }, select: { id: true, type: true, data: true, actorId: true, collectionId: true, workId: true, implicit: true } });
    expect(row).toMatchObject({ type: 'role.granted', actorId: adminId, collectionId, workId: null, implicit: false });
    const event = parseAuditEvent(row, ['role.granted']);
    const role: 'EDITOR' | 'ADMIN' = event.data.role;
    expect(role).toBe('EDITOR');
    expect(event.data).toEqual({ userId: member.id, role: 'EDITOR', previousRole: null });

    const { items } = await findAuditEvents({ actor: siteAdmin, filter: { collectionId, type: 'role.granted' } });
    expect(items.find((item) => item.id === id)).toMatchObject({ actor: { id: adminId } });
    expect(englishSummary(items.find((item) => item.id === id))).toBe('Grace made editor');
  });

  it('leaves no event behind when the change it records rolls back', async () => {
    const failed = getDb().$transaction(async (tx) => {
      await recordAuditEvent({ db: tx, type: 'translation.imported', actorId: adminId, collectionId, workId, data: { language: 'xx-rollback', count: 1 } });
      throw new Error('the change failed');
    });
    await expect(failed).rejects.toThrow('the change failed');
    expect(await getDb().auditEvent.count({ where: { workId, data: { path: ['language'], equals: 'xx-rollback' } } })).toBe(0);
  });

  it('refuses an unknown type, data of the wrong shape and a missing subject, at compile time and when run', async () => {
    const db = getDb();
    const before = await db.auditEvent.count({ where: { collectionId } });
    await expect(
      // @ts-expect-error: no such event type
      recordAuditEvent({ db, type: 'role.given', actorId: adminId, collectionId, data: { userId: adminId } }),
    ).rejects.toThrow(/Unknown audit event type/);
    // @ts-expect-error: no such role
    await expect(recordAuditEvent({ db, type: 'role.granted', actorId: adminId, collectionId, data: { userId: adminId, role: 'OWNER', previousRole: null } })).rejects.toThrow(/role\.granted/);
    // @ts-expect-error: a suggestion event names its suggestion
    await expect(recordAuditEvent({ db, type: 'suggestion.rejected', actorId: adminId, collectionId, workId, data: { segmentId: adminId, reason: 'STYLE' } })).rejects.toThrow(/suggestionId/);
    // @ts-expect-error: a role change belongs to a collection
    await expect(recordAuditEvent({ db, type: 'role.revoked', actorId: adminId, data: { userId: adminId } })).rejects.toThrow(/about a collection/);
    // @ts-expect-error: an account's event belongs to no collection
    await expect(recordAuditEvent({ db, type: 'user.disabled', actorId: adminId, collectionId, data: { userId: adminId } })).rejects.toThrow(/about no collection/);
    expect(await db.auditEvent.count({ where: { collectionId } })).toBe(before);
  });

  it('lists a damaged or unknown stored event with a line saying its data could not be read', async () => {
    const damaged = await getDb().auditEvent.create({ data: { type: 'role.granted', collectionId, data: { userId: 'nobody', role: 'EDITOR' } }, select: { id: true } });
    const unknown = await getDb().auditEvent.create({ data: { type: 'work.archived', collectionId, workId, data: { reason: 'old' } }, select: { id: true } });
    const { items } = await findAuditEvents({ actor: siteAdmin, filter: { collectionId, limit: 200 } });
    const unreadable = 'The data of this event could not be read.';
    expect(englishSummary(items.find((item) => item.id === damaged.id))).toBe(unreadable);
    expect(items.find((item) => item.id === unknown.id)).toMatchObject({ type: 'work.archived', work: { id: workId }, event: null });
    expect(englishSummary(items.find((item) => item.id === unknown.id))).toBe(unreadable);
    expect(englishSummary(items.find((item) => item.type === 'work.imported'))).toMatch(/ · format: md · encoding: utf-8$/);
  });
});
