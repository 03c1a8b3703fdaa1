/**
 * npm run bench:review — the reviewers' queue and approvals at scale: a collection of 20 works of
 * 5,000 sentence segments each (made-up text, loaded with bulk SQL) and 100,000 pending
 * corrections by 50 volunteers. Times the editor's first queue page (whole collection, one work,
 * one author) and approveSuggestion on 200 suggestions of distinct segments, after a warm-up.
 * Prints the plan of the queue's main query, then a JSON line with the figures last.
 */
import pg from 'pg';

import { round, timeEach } from './timing';
import { disconnectDb, getDb } from '../lib/db/client';
import { uuidv7Batch } from '../lib/db/uuid';
import { approveSuggestion } from '../lib/review/decide-suggestion';
import { getReviewQueue, type QueueFilter } from '../lib/review/review-queue';
import { keysBetween } from '../lib/segment/order-key';
import { createScratchDatabase, openTestServer } from '../test/helpers/db';
import { buildCollection, buildUser, grantRole } from '../test/helpers/factories';
import { mulberry32 } from '../test/helpers/random';

const WORKS = 20;
const SEGMENTS_PER_WORK = 5_000;
const VOLUNTEERS = 50;
const SUGGESTIONS = 100_000;
const QUEUE_RUNS = 200;
const APPROVALS = 200;
const WARM_UP = 10;
const GOAL_MS = 100;

const WORDS = ['the', 'miller', 'crossed', 'river', 'before', 'dawn', 'and', 'council', 'wrote', 'a', 'letter', 'to', 'village', 'under', 'snow'];

function sentence(next: () => number, n: number): string {
  const words = Array.from({ length: 8 + Math.floor(next() * 12) }, () => WORDS[Math.floor(next() * WORDS.length)] as string);
  return `Sentence ${n}: ${words.join(' ')}.`;
}

interface SegmentRow {
  segmentId: string;
  workId: string;
  revisionId: string;
  text: string;
}

/** One work: its segments, their published source texts and first revisions, in one transaction. */
async function loadWork(client: pg.Client, collectionId: string, index: number, next: () => number): Promise<SegmentRow[]> {
  const workId = (await getDb().work.create({ data: { collectionId, slug: `work-${index}`, title: `Work ${index}`, sourceLanguage: 'en', languages: { create: { language: 'en', isSource: true } } }, select: { id: true } })).id;
  const segmentIds = uuidv7Batch(SEGMENTS_PER_WORK);
  const textIds = uuidv7Batch(SEGMENTS_PER_WORK);
  const revisionIds = uuidv7Batch(SEGMENTS_PER_WORK);
  const texts = segmentIds.map((_, i) => sentence(next, i + 1));
  await client.query('BEGIN');
  await client.query(`INSERT INTO segment (id, work_id, kind, order_key) SELECT id, $1::uuid, 'SENTENCE', key FROM unnest($2::uuid[], $3::text[]) AS u(id, key)`, [workId, segmentIds, keysBetween(null, null, SEGMENTS_PER_WORK)]);
  // The text → published revision key is checked at commit, so texts can go in before revisions.
  await client.query(`INSERT INTO segment_text (id, segment_id, language, status, published_revision_id) SELECT t, s, 'en', 'APPROVED', r FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS u(t, s, r)`, [textIds, segmentIds, revisionIds]);
  await client.query(`INSERT INTO revision (id, segment_text_id, text, origin) SELECT r, t, x, 'IMPORT' FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS u(r, t, x)`, [revisionIds, textIds, texts]);
  await client.query('COMMIT');
  return segmentIds.map((segmentId, i) => ({ segmentId, workId, revisionId: revisionIds[i] as string, text: texts[i] as string }));
}

async function main() {
  const server = await openTestServer();
  const database = await createScratchDatabase(server.url, { prefix: 'interlinear_bench' });
  process.env.DATABASE_URL = database.url;
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const next = mulberry32(42);

  const setupStarted = performance.now();
  const collection = await buildCollection('Bench');
  const editor = await buildUser({ name: 'Editor' });
  const editorActor = await grantRole(editor.id, collection.id, 'EDITOR');
  // Volunteers only author suggestions here and never sign in: plain rows, no password hashing.
  const volunteerIds = uuidv7Batch(VOLUNTEERS);
  await client.query(
    `INSERT INTO "user" (id, email, name, password_hash) SELECT id, 'volunteer-' || n || '@example.org', 'Volunteer ' || n, 'x' FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n)`,
    [volunteerIds],
  );
  const segments: SegmentRow[] = [];
  for (let w = 0; w < WORKS; w += 1) segments.push(...(await loadWork(client, collection.id, w + 1, next)));

  // Suggestions on random segments (some get several, from different volunteers), oldest first
  // over about two months; each based on the segment's published revision so approvals succeed.
  const suggestionIds = uuidv7Batch(SUGGESTIONS);
  const picks = suggestionIds.map(() => segments[Math.floor(next() * segments.length)] as SegmentRow);
  await client.query(
    `INSERT INTO suggestion (id, segment_id, language, work_id, collection_id, kind, author_id, base_revision_id, text, status, created_at, updated_at)
     SELECT id, s, 'en', w, $1::uuid, 'CORRECTION', a, r, x, 'PENDING', c, c
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[]) WITH ORDINALITY AS u(id, s, w, a, r, x, n),
            LATERAL (SELECT now() - (($8::int - n) * interval '50 seconds') AS c) AS t`,
    [
      collection.id,
      suggestionIds,
      picks.map((p) => p.segmentId),
      picks.map((p) => p.workId),
      suggestionIds.map((_, i) => volunteerIds[i % VOLUNTEERS] as string),
      picks.map((p) => p.revisionId),
      picks.map((p) => p.text.replace('the', 'The').replace(/\.$/, ' indeed.')),
      SUGGESTIONS,
    ],
  );
  await client.query('ANALYZE');
  const setupSeconds = (performance.now() - setupStarted) / 1000;

  // (1) The editor's first queue page: whole collection, one work, one author.
  const queue = (filter: QueueFilter) => getReviewQueue({ actor: editorActor, filter });
  const firstWorkId = (segments[0] as SegmentRow).workId;
  const filters: Record<'collection' | 'work' | 'author', QueueFilter> = {
    collection: { collectionId: collection.id },
    work: { workId: firstWorkId },
    author: { authorId: volunteerIds[0] as string },
  };
  const queueTimes: Record<string, { p50: number; p95: number }> = {};
  let pageSize = 0;
  for (const [name, filter] of Object.entries(filters)) {
    for (let i = 0; i < WARM_UP; i += 1) pageSize = (await queue(filter)).items.length;
    queueTimes[name] = await timeEach(Array.from({ length: QUEUE_RUNS }, () => filter), queue);
  }

  // The queue's main query as Prisma sends it (status IN, collection, ordered by id), explained.
  const plan = await client.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM suggestion WHERE status IN ('PENDING', 'APPROVED') AND collection_id = $1 ORDER BY id ASC LIMIT 26`,
    [collection.id],
  );

  // (2) Approvals of suggestions on distinct segments, spread over the queue.
  const seen = new Set<string>();
  const toApprove: string[] = [];
  for (let i = 0; i < SUGGESTIONS && toApprove.length < APPROVALS + WARM_UP; i += Math.floor(SUGGESTIONS / (APPROVALS + WARM_UP + 20))) {
    const pick = picks[i] as SegmentRow;
    if (seen.has(pick.segmentId)) continue;
    seen.add(pick.segmentId);
    toApprove.push(suggestionIds[i] as string);
  }
  const approve = (suggestionId: string) => approveSuggestion({ actor: editorActor, input: { suggestionId } });
  for (const suggestionId of toApprove.slice(0, WARM_UP)) await approve(suggestionId);
  const approvals = toApprove.slice(WARM_UP);
  const approveTime = await timeEach(approvals, approve);
  const published = await client.query<{ n: string }>(`SELECT count(*) AS n FROM suggestion WHERE status = 'PUBLISHED'`);

  await client.end();
  await disconnectDb();
  await database.drop();
  await server.stop();

  const { collection: all, work, author } = queueTimes as Record<'collection' | 'work' | 'author', { p50: number; p95: number }>;
  const figures = {
    works: WORKS,
    segments: segments.length,
    suggestions: SUGGESTIONS,
    volunteers: VOLUNTEERS,
    setup_seconds: round(setupSeconds),
    page_size: pageSize,
    queue_p50_ms: all.p50,
    queue_p95_ms: all.p95,
    queue_work_p50_ms: work.p50,
    queue_work_p95_ms: work.p95,
    queue_author_p50_ms: author.p50,
    queue_author_p95_ms: author.p95,
    queue_runs: QUEUE_RUNS,
    approve_p50_ms: approveTime.p50,
    approve_p95_ms: approveTime.p95,
    approvals: approvals.length,
    published: Number(published.rows[0]?.n ?? 0),
  };
  const met = (p95: number) => (p95 < GOAL_MS ? 'met' : 'MISSED');
  console.log(`plan of the queue's main query (collection filter):\n${plan.rows.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}`);
  console.log(`${WORKS} works × ${SEGMENTS_PER_WORK} segments, ${SUGGESTIONS} pending suggestions by ${VOLUNTEERS} volunteers (set up in ${figures.setup_seconds} s)`);
  console.log(`                              p50 (ms)   p95 (ms)   goal p95 < ${GOAL_MS} ms`);
  const row = (label: string, t: { p50: number; p95: number }) => console.log(`  ${label.padEnd(28)}${String(t.p50).padStart(8)}   ${String(t.p95).padStart(8)}   ${met(t.p95)}`);
  row(`queue, collection (${QUEUE_RUNS}×)`, all);
  row(`queue, one work (${QUEUE_RUNS}×)`, work);
  row(`queue, one author (${QUEUE_RUNS}×)`, author);
  row(`approve (${approvals.length}×)`, approveTime);
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
