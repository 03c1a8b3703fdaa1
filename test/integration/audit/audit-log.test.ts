import { randomUUID } from 'node:crypto';

import { beforeAll, describe, expect, it } from 'vitest';

import { findAuditEvents } from '../../../lib/audit/find-audit-events';
import { loadActor } from '../../../lib/auth/load-actor';
import { ANONYMOUS, type Actor } from '../../../lib/auth/permissions';
import { REPORT_MIN_FILL_MS } from '../../../lib/config/limits';
import { getDb } from '../../../lib/db/client';
import { grantCollectionRole } from '../../../lib/membership/grant-collection-role';
import { revokeCollectionRole } from '../../../lib/membership/revoke-collection-role';
import { createReport } from '../../../lib/report/create-report';
import { resolveReport } from '../../../lib/report/decide-report';
import { issueReportFormToken } from '../../../lib/report/report-secrets';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { approveSuggestion, rejectSuggestion } from '../../../lib/review/decide-suggestion';
import { revertToRevision } from '../../../lib/review/revision-history';
import { englishSummary } from '../../helpers/audit-summary';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';

describe('audit log', () => {
  let collectionA: string;
  let collectionB: string;
  let workA: string;
  let siteAdmin: Actor;
  let adminA: Actor & { kind: 'user' };
  let editorA: Actor;
  let volunteer: Actor & { kind: 'user' };
  let member: { id: string; email: string };

  const publishedId = async (segmentId: string) =>
    (await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId, language: 'en' } }, select: { publishedRevisionId: true } })).publishedRevisionId;

  beforeAll(async () => {
    collectionA = (await buildCollection('Audited A')).id;
    collectionB = (await buildCollection('Audited B')).id;
    workA = (await buildWork({ collectionId: collectionA, title: 'Audited Work' })).workId;
    const siteAdminUser = await buildUser({ name: 'Site Admin' });
    await getDb().user.update({ where: { id: siteAdminUser.id }, data: { siteRole: 'ADMIN' } });
    siteAdmin = await loadActor({ userId: siteAdminUser.id });
    const adminUser = await buildUser({ name: 'Admin of A' });
    adminA = (await grantRole(adminUser.id, collectionA, 'ADMIN')) as Actor & { kind: 'user' };
    volunteer = (await buildUser({ name: 'Volunteer' })).actor as Actor & { kind: 'user' };
    member = await buildUser({ name: 'New Member' });

    // Role changes, through the membership use cases.
    await grantCollectionRole({ actor: adminA, input: { collectionId: collectionA, email: member.email, role: 'EDITOR' } });
    editorA = await loadActor({ userId: member.id });
    await grantCollectionRole({ actor: siteAdmin, input: { collectionId: collectionB, email: member.email, role: 'ADMIN' } });
    await revokeCollectionRole({ actor: siteAdmin, input: { collectionId: collectionB, userId: member.id } });

    // An approval, a rejection and a revert in A.
    const [first, second] = await getDb().segment.findMany({ where: { workId: workA, kind: 'SENTENCE' }, orderBy: { orderKey: 'asc' }, select: { id: true } });
    const importedRevision = await publishedId(first?.id ?? '');
    const approved = await createSuggestion({ actor: volunteer, input: { segmentId: first?.id ?? '', language: 'en', text: 'A first sentence, corrected.', baseRevisionId: importedRevision } });
    await approveSuggestion({ actor: editorA, input: { suggestionId: approved.suggestionId } });
    const rejected = await createSuggestion({ actor: volunteer, input: { segmentId: second?.id ?? '', language: 'en', text: 'Not better.', baseRevisionId: await publishedId(second?.id ?? '') } });
    await rejectSuggestion({ actor: editorA, input: { suggestionId: rejected.suggestionId, reason: 'STYLE', note: '' } });
    await revertToRevision({ actor: editorA, input: { segmentId: first?.id ?? '', language: 'en', revisionId: importedRevision ?? '', expectedRevisionId: await publishedId(first?.id ?? '') } });

    // A reader's report, resolved.
    const now = new Date();
    const report = await createReport({ actor: ANONYMOUS, clientAddress: `audit-${now.getTime()}`, now, input: { segmentId: second?.id ?? '', language: 'en', message: 'Typo.', formToken: issueReportFormToken({ now: new Date(now.getTime() - REPORT_MIN_FILL_MS - 1_000) }) } });
    await resolveReport({ actor: editorA, input: { reportId: report.isStored ? report.reportId : '', note: 'Fixed.' } });

    // An old event in A, for the date filters, as imports recorded it before encodings and cleanup were.
    await getDb().auditEvent.create({ data: { type: 'work.imported', collectionId: collectionA, workId: workA, createdAt: new Date('2020-01-15T12:00:00Z'), data: { uploadId: randomUUID(), counts: { sentence: 3 }, format: 'md' } } });
  });

  it('records role changes, approvals, rejections, reverts and report decisions, each with its actor', async () => {
    const { items } = await findAuditEvents({ actor: siteAdmin, filter: { collectionId: collectionA, limit: 200 } });
    const types = items.map((item) => item.type);
    for (const type of ['role.granted', 'suggestion.created', 'suggestion.approved', 'suggestion.rejected', 'revision.reverted', 'report.resolved', 'work.imported']) {
      expect(types, type).toContain(type);
    }
    expect(items.find((item) => item.type === 'suggestion.approved')).toMatchObject({ actor: { id: member.id, name: 'New Member' }, collection: { id: collectionA, title: 'Audited A' }, work: { id: workA, title: 'Audited Work' } });
    expect(items.find((item) => item.type === 'role.granted')).toMatchObject({ actor: { id: adminA.id } });
    expect(englishSummary(items.find((item) => item.type === 'role.granted'))).toBe('New Member made editor');
    expect(englishSummary(items.find((item) => item.type === 'suggestion.rejected'))).toMatch(/reason: STYLE/);
    // Newest first.
    const times = items.map((item) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('shows collection admins only their collections’ events, and site admins everything', async () => {
    const own = await findAuditEvents({ actor: adminA, filter: { limit: 200 } });
    expect(own.items.length).toBeGreaterThan(5);
    expect(new Set(own.items.map((item) => item.collection?.id))).toEqual(new Set([collectionA]));
    expect(own.collections.map((collection) => collection.id)).toEqual([collectionA]);
    expect(await errorCodeOf(findAuditEvents({ actor: adminA, filter: { collectionId: collectionB } }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(findAuditEvents({ actor: editorA, filter: {} }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(findAuditEvents({ actor: volunteer, filter: {} }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(findAuditEvents({ actor: ANONYMOUS, filter: {} }))).toBe('UNAUTHENTICATED');

    const inB = await findAuditEvents({ actor: siteAdmin, filter: { collectionId: collectionB, type: 'role.' } });
    expect(inB.items.map((item) => [item.type, englishSummary(item)])).toEqual([
      ['role.revoked', 'New Member no longer editor or admin'],
      ['role.granted', 'New Member made admin'],
    ]);
    // Events of no collection (sign-ups) only for site admins.
    const signUps = await findAuditEvents({ actor: siteAdmin, filter: { type: 'user.registered', actorId: member.id } });
    expect(signUps.items).toEqual([expect.objectContaining({ type: 'user.registered', collection: null })]);
    expect((await findAuditEvents({ actor: adminA, filter: { type: 'user.' } })).items).toEqual([]);
  });

  it('filters by type prefix, actor (id or e-mail) and days', async () => {
    const suggestions = await findAuditEvents({ actor: adminA, filter: { type: 'suggestion.' } });
    expect(new Set(suggestions.items.map((item) => item.type))).toEqual(new Set(['suggestion.created', 'suggestion.approved', 'suggestion.rejected']));
    const byMember = await findAuditEvents({ actor: adminA, filter: { actorEmail: member.email.toUpperCase() } });
    expect(new Set(byMember.items.map((item) => item.type))).toEqual(new Set(['suggestion.approved', 'suggestion.rejected', 'revision.reverted', 'report.resolved']));
    expect((await findAuditEvents({ actor: adminA, filter: { actorId: volunteer.id } })).items.every((item) => item.actor?.id === volunteer.id)).toBe(true);
    const onDay = await findAuditEvents({ actor: adminA, filter: { from: '2020-01-15', to: '2020-01-15' } });
    expect(onDay.items.map((item) => [item.type, item.createdAt, englishSummary(item)])).toEqual([['work.imported', '2020-01-15T12:00:00.000Z', expect.stringMatching(/^upload: .* · counts: sentence 3 · format: md$/)]]);
    expect((await findAuditEvents({ actor: adminA, filter: { to: '2020-01-14' } })).items).toEqual([]);
    expect((await findAuditEvents({ actor: adminA, filter: { from: '2020-01-16' } })).items.map((item) => item.createdAt)).not.toContain('2020-01-15T12:00:00.000Z');
    expect(await errorCodeOf(findAuditEvents({ actor: adminA, filter: { from: '15/01/2020' } }))).toBe('INVALID_INPUT');
    expect(await errorCodeOf(findAuditEvents({ actor: adminA, filter: { before: 'not-a-cursor' } }))).toBe('INVALID_INPUT');
  });

  it('pages newest first with a keyset cursor, without gaps or repeats', async () => {
    const all = await findAuditEvents({ actor: adminA, filter: { limit: 200 } });
    const seen: string[] = [];
    let before: string | undefined;
    do {
      const page = await findAuditEvents({ actor: adminA, filter: { limit: 3, before } });
      seen.push(...page.items.map((item) => item.id));
      before = page.next ?? undefined;
    } while (before);
    expect(seen).toEqual(all.items.map((item) => item.id));
  });
});
