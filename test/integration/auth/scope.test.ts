import { beforeAll, describe, expect, it } from 'vitest';

import { findCollectionChoices } from '../../../lib/auth/find-collection-choices';
import { loadActor } from '../../../lib/auth/load-actor';
import { ANONYMOUS, SYSTEM_ACTOR, type Action, type Actor } from '../../../lib/auth/permissions';
import {
  collectionIdInScopeWhere,
  collectionIdsInScope,
  collectionInScopeWhere,
  liveSegment,
  liveSegmentsOf,
  liveSegmentSql,
  liveSegmentSqlText,
  liveTextSegmentsOf,
} from '../../../lib/auth/scope';
import { getDb, getPool } from '../../../lib/db/client';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';

describe('collections in scope', () => {
  const collection: Record<'a' | 'b' | 'c', { id: string; title: string }> = {} as never;
  const work: Record<'a' | 'b' | 'c', string> = {} as never;
  const actors: Record<string, Actor> = {};

  beforeAll(async () => {
    collection.a = await buildCollection('Scope A Letters');
    collection.b = await buildCollection('Scope B Essays');
    collection.c = await buildCollection('Scope C Poems');
    for (const key of ['a', 'b', 'c'] as const) work[key] = (await buildWork({ collectionId: collection[key].id })).workId;
    const siteAdmin = await buildUser();
    await getDb().user.update({ where: { id: siteAdmin.id }, data: { siteRole: 'ADMIN' } });
    actors.siteAdmin = await loadActor({ userId: siteAdmin.id });
    actors.editorOfA = await grantRole((await buildUser()).id, collection.a.id, 'EDITOR');
    actors.adminOfB = await grantRole((await buildUser()).id, collection.b.id, 'ADMIN');
    const both = await buildUser();
    await grantRole(both.id, collection.a.id, 'EDITOR');
    actors.editorOfAAdminOfC = await grantRole(both.id, collection.c.id, 'ADMIN');
    actors.volunteer = (await buildUser()).actor;
    actors.anonymous = ANONYMOUS;
    actors.system = SYSTEM_ACTOR;
  });

  /** Expected scope per actor and action: 'all', or the collections by key. */
  const EXPECTED: Record<string, Partial<Record<Action, 'all' | ('a' | 'b' | 'c')[]>>> = {
    siteAdmin: { 'suggestion.review': 'all', 'report.handle': 'all', 'audit.view': 'all', 'work.import': 'all', 'collection.manageMembers': 'all' },
    editorOfA: { 'suggestion.review': ['a'], 'report.handle': ['a'], 'audit.view': [], 'work.import': ['a'], 'collection.manageMembers': [], 'segment.edit': 'all' },
    adminOfB: { 'suggestion.review': ['b'], 'report.handle': ['b'], 'audit.view': ['b'], 'collection.manageMembers': ['b'] },
    editorOfAAdminOfC: { 'suggestion.review': ['a', 'c'], 'audit.view': ['c'], 'collection.manageMembers': ['c'] },
    volunteer: { 'suggestion.review': [], 'report.handle': [], 'audit.view': [], 'work.import': [], 'segment.edit': 'all', 'suggestion.create': 'all', 'report.create': 'all' },
    anonymous: { 'suggestion.review': [], 'audit.view': [], 'segment.edit': [], 'comment.create': [], 'work.read': 'all', 'report.create': 'all' },
    system: { 'suggestion.review': 'all', 'audit.view': 'all', 'collection.manageMembers': 'all' },
  };
  const cases = Object.entries(EXPECTED).flatMap(([actor, actions]) => Object.entries(actions).map(([action, expected]) => ({ actor, action: action as Action, expected })));

  it.each(cases)('$actor may $action in $expected', async ({ actor, action, expected }) => {
    const subject = actors[actor] as Actor;
    const ids = collectionIdsInScope(subject, action);
    const ours = (keys: readonly ('a' | 'b' | 'c')[]) => keys.map((key) => collection[key].id).sort();
    if (expected === 'all') expect(ids).toBe('all');
    else expect(Array.isArray(ids) ? [...ids].sort() : ids).toEqual(ours(expected));

    // The where fragments select exactly those rows in the database (among this test's: other
    // test files add collections meanwhile); 'all' is no condition at all.
    if (expected === 'all') expect([collectionInScopeWhere(subject, action), collectionIdInScopeWhere(subject, action)]).toEqual([{}, {}]);
    const listed = await getDb().collection.findMany({ where: { AND: [collectionInScopeWhere(subject, action), { id: { in: ours(['a', 'b', 'c']) } }] }, select: { id: true } });
    expect(listed.map((row) => row.id).sort()).toEqual(ours(expected === 'all' ? ['a', 'b', 'c'] : expected));
    const worksListed = await getDb().work.findMany({ where: { id: { in: Object.values(work) }, ...collectionIdInScopeWhere(subject, action) }, select: { id: true } });
    expect(worksListed.map((row) => row.id).sort()).toEqual((expected === 'all' ? (['a', 'b', 'c'] as const) : expected).map((key) => work[key]).sort());
  });

  it('lists the collection choices of an action as id and title, by title, and none for those who have none', async () => {
    expect(await findCollectionChoices({ actor: actors.editorOfAAdminOfC as Actor, action: 'suggestion.review' })).toEqual([collection.a, collection.c]);
    expect(await findCollectionChoices({ actor: actors.adminOfB as Actor, action: 'audit.view' })).toEqual([collection.b]);
    expect(await findCollectionChoices({ actor: actors.volunteer as Actor, action: 'work.import' })).toEqual([]);
    expect(await findCollectionChoices({ actor: ANONYMOUS, action: 'suggestion.review' })).toEqual([]);
    const all = await findCollectionChoices({ actor: actors.siteAdmin as Actor, action: 'work.import' });
    expect(all.filter((choice) => [collection.a.id, collection.b.id, collection.c.id].includes(choice.id))).toEqual([collection.a, collection.b, collection.c]);
    expect(Object.keys(all[0] ?? {}).sort()).toEqual(['id', 'title']);
  });

  it('follows a role granted since: scope comes from the actor as loaded', async () => {
    const user = await buildUser();
    expect(collectionIdsInScope(user.actor, 'report.handle')).toEqual([]);
    const promoted = await grantRole(user.id, collection.b.id, 'EDITOR');
    expect(collectionIdsInScope(promoted, 'report.handle')).toEqual([collection.b.id]);
  });
});

describe('live segments', () => {
  let workId: string;
  let all: { id: string; kind: string; parentId: string | null }[];
  let retired: string[];

  beforeAll(async () => {
    workId = (await buildWork({ text: '# Live and Retired\n\nThe first sentence. The second sentence.\n\nA paragraph of one sentence.\n' })).workId;
    all = await getDb().segment.findMany({ where: { workId }, orderBy: { orderKey: 'asc' }, select: { id: true, kind: true, parentId: true } });
    expect(all.map((segment) => segment.kind)).toEqual(['HEADING', 'PARAGRAPH', 'SENTENCE', 'SENTENCE', 'PARAGRAPH', 'SENTENCE']);
    // The second sentence, and the last paragraph with its sentence, retired as a re-import retires them.
    retired = [all[3], all[4], all[5]].map((segment) => (segment as { id: string }).id);
    await getDb().segment.updateMany({ where: { id: { in: retired } }, data: { retiredAt: new Date() } });
  });

  const liveIds = () => all.filter((segment) => !retired.includes(segment.id)).map((segment) => segment.id);

  it('keeps retired segments out of Prisma queries, as a where and as a relation filter', async () => {
    const ofWork = await getDb().segment.findMany({ where: liveSegmentsOf(workId), orderBy: { orderKey: 'asc' }, select: { id: true } });
    expect(ofWork.map((segment) => segment.id)).toEqual(liveIds());
    const spread = await getDb().segment.findMany({ where: { workId, ...liveSegment }, orderBy: { orderKey: 'asc' }, select: { id: true } });
    expect(spread.map((segment) => segment.id)).toEqual(liveIds());
    const texts = await getDb().segment.findMany({ where: liveTextSegmentsOf(workId), orderBy: { orderKey: 'asc' }, select: { id: true, kind: true } });
    expect(texts.map((segment) => segment.kind)).toEqual(['HEADING', 'SENTENCE']);
    expect(texts.map((segment) => segment.id)).toEqual(liveIds().filter((id) => all.find((segment) => segment.id === id)?.kind !== 'PARAGRAPH'));
    const textRows = await getDb().segmentText.findMany({ where: { segment: { ...liveSegment, workId } }, select: { segmentId: true } });
    expect(new Set(textRows.map((row) => row.segmentId))).toEqual(new Set(texts.map((segment) => segment.id)));
    // Without the condition the retired ones are there: the test above is not vacuous.
    expect(await getDb().segment.count({ where: { workId } })).toBe(all.length);
  });

  it('keeps retired segments out of raw SQL, aliased or not, through Prisma and the pg pool', async () => {
    const aliased = await getDb().$queryRaw<{ id: string }[]>`SELECT s.id FROM segment s WHERE s.work_id = ${workId}::uuid AND ${liveSegmentSql('s')} ORDER BY s.order_key`;
    expect(aliased.map((row) => row.id)).toEqual(liveIds());
    const bare = await getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM segment WHERE work_id = ${workId}::uuid AND ${liveSegmentSql()}`;
    expect(bare[0]?.n).toBe(liveIds().length);
    const pooled = await getPool().query<{ id: string }>(`SELECT s.id FROM segment s WHERE s.work_id = $1 AND ${liveSegmentSqlText('s')} ORDER BY s.order_key`, [workId]);
    expect(pooled.rows.map((row) => row.id)).toEqual(liveIds());
  });

  it('takes only a plain alias into SQL', () => {
    expect(liveSegmentSqlText('s')).toBe('s.retired_at IS NULL');
    for (const alias of ['s; DROP TABLE segment', 'S', 's.x', '', '1s']) expect(() => liveSegmentSqlText(alias)).toThrow();
  });
});
