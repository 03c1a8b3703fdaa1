/**
 * The data of bench/collab.ts, in a scratch database: a volunteer (may edit drafts), a work of
 * 2,000 made-up sentences (20 chunks) to type into, and two works of 10,000 (100 chunks each) to
 * open.
 */
import { randomBytes } from 'node:crypto';

import type pg from 'pg';

import { sleep } from './collab-measure';
import { madeUpText } from './collab-text';
import { SYSTEM_ACTOR } from '../lib/auth/permissions';
import { loadChunkTexts, type PublishedText } from '../lib/collab/published-texts';
import { signCollabToken } from '../lib/collab/token';
import { disconnectDb } from '../lib/db/client';
import { importWork } from '../lib/import/import-work';
import { buildCollection, buildUser } from '../test/helpers/factories';
import { mulberry32 } from '../test/helpers/random';

export interface BigWork {
  workId: string;
  /** Text-bearing segments of each chunk. */
  chunkSizes: number[];
}

export interface BenchSetup {
  databaseUrl: string;
  /** Signs the collaboration tokens; given to the server processes. */
  secret: string;
  token: string;
  /** A small pool of the bench's own on the scratch database. */
  pool: pg.Pool;
  /** Work typed into in the scenarios, with the published texts of each chunk. */
  editWork: { workId: string; chunks: PublishedText[][] };
  /** Two works of 10,000 segments, opened cold, reloaded and warm. */
  bigWorks: [BigWork, BigWork];
}

async function createWork(collectionId: string, title: string, paragraphs: number, seed: number): Promise<string> {
  const text = madeUpText({ paragraphs, sentencesPerParagraph: 5, random: mulberry32(seed) });
  const summary = await importWork({ actor: SYSTEM_ACTOR, file: { name: 'work.md', bytes: new TextEncoder().encode(text) }, collection: { id: collectionId }, metadata: { title, language: 'en' } });
  return summary.workId;
}

async function chunkSizes(pool: pg.Pool, workId: string, expectedSegments: number): Promise<number[]> {
  const { rows } = await pool.query<{ chunk: number; segments: string }>(`SELECT chunk, count(*) AS segments FROM segment WHERE work_id = $1 AND kind <> 'PARAGRAPH' GROUP BY chunk ORDER BY chunk`, [workId]);
  const sizes = rows.map((row) => Number(row.segments));
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total !== expectedSegments) throw new Error(`expected ${expectedSegments} text-bearing segments, the import made ${total}`);
  return sizes;
}

/** Creates the user and the works (DATABASE_URL must point at the scratch database). */
export async function createBenchSetup({ databaseUrl, pool }: { databaseUrl: string; pool: pg.Pool }): Promise<BenchSetup> {
  const collection = await buildCollection('Bench');
  const user = await buildUser({ name: 'Bench Volunteer' });
  const editWorkId = await createWork(collection.id, 'Edited work', 400, 1);
  const editSizes = await chunkSizes(pool, editWorkId, 2_000);
  const editChunks = await Promise.all(editSizes.map((_, chunk) => loadChunkTexts(pool, { workId: editWorkId, language: 'en', chunk })));
  const bigWorks: BigWork[] = [];
  for (const seed of [2, 3]) {
    const workId = await createWork(collection.id, `Big work ${seed}`, 2_000, seed);
    bigWorks.push({ workId, chunkSizes: await chunkSizes(pool, workId, 10_000) });
  }
  await disconnectDb();
  const secret = randomBytes(24).toString('base64url');
  // Valid for the whole run; a volunteer may edit drafts in any collection.
  const token = signCollabToken({ userId: user.id, sessionVersion: 0, secret, ttlMs: 60 * 60 * 1000 });
  return { databaseUrl, secret, token, pool, editWork: { workId: editWorkId, chunks: editChunks }, bigWorks: bigWorks as [BigWork, BigWork] };
}

/**
 * Waits until the outbox is empty: an import queues every published text it writes for the live
 * documents, and a collaboration server works through that queue when it starts.
 */
export async function outboxDrained(pool: pg.Pool): Promise<void> {
  for (;;) {
    const { rows } = await pool.query<{ queued: string }>(`SELECT count(*) AS queued FROM collab_outbox`);
    if (Number(rows[0]?.queued) === 0) return;
    await sleep(100);
  }
}
