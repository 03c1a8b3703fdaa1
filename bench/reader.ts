/**
 * npm run bench:reader — how fast a 10,000-segment work opens: the reader's first window (from
 * the start and around a permalink deep inside), the next window, and the work page's overview
 * (table of contents, progress), on a work made from the corpus' OCR volume repeated to size.
 * Baseline measured in the same run: one primary-key lookup of a segment (the floor of any read).
 * Prints a JSON line with the figures last.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { ANONYMOUS, SYSTEM_ACTOR } from '../lib/auth/permissions';
import { disconnectDb, getDb } from '../lib/db/client';
import { importWork } from '../lib/import/import-work';
import { getSegmentWindow } from '../lib/reader/get-segment-window';
import { getWorkOverview } from '../lib/reader/get-work-overview';
import { createScratchDatabase, openTestServer } from '../test/helpers/db';

const CORPUS_FILE = path.resolve(process.cwd(), '../shared/corpus/stalin-works-vol8-ocr.en.txt');
const TARGET_SEGMENTS = 10_000;
const RUNS = 30;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return { p50: Number(percentile(samples, 50).toFixed(2)), p95: Number(percentile(samples, 95).toFixed(2)) };
}

async function main() {
  const server = await openTestServer();
  const database = await createScratchDatabase(server.url, { prefix: 'interlinear_bench' });
  process.env.DATABASE_URL = database.url;
  const volume = await readFile(CORPUS_FILE, 'utf8');
  // Twice the volume is a little over 10,000 segments.
  const text = `${volume}\n\n${volume}`;
  const summary = await importWork({ actor: SYSTEM_ACTOR, file: { name: 'big.txt', bytes: new TextEncoder().encode(text) }, collection: { title: 'Bench' }, metadata: { title: 'Big work', language: 'en' } });
  const segments = Object.values(summary.counts).reduce((a, b) => a + b, 0);
  const db = getDb();
  const ids = await db.segment.findMany({ where: { workId: summary.workId, kind: 'SENTENCE' }, orderBy: { orderKey: 'asc' }, select: { id: true, orderKey: true } });
  const deep = ids[Math.floor(ids.length * 0.8)];
  if (!deep || segments < TARGET_SEGMENTS) throw new Error(`expected ≥ ${TARGET_SEGMENTS} segments, got ${segments}`);

  const baseline = await time(() => db.segment.findUnique({ where: { id: deep.id }, select: { id: true } }));
  const first = await time(() => getSegmentWindow({ actor: ANONYMOUS, workId: summary.workId, languages: ['en'] }));
  const around = await time(() => getSegmentWindow({ actor: ANONYMOUS, workId: summary.workId, languages: ['en'], around: deep.id }));
  const next = await time(() => getSegmentWindow({ actor: ANONYMOUS, workId: summary.workId, languages: ['en'], after: deep.orderKey }));
  const overview = await time(() => getWorkOverview({ actor: ANONYMOUS, workId: summary.workId }));
  await disconnectDb();
  await database.drop();
  await server.stop();

  const figures = {
    segments,
    pk_lookup_p50_ms: baseline.p50,
    first_window_p50_ms: first.p50,
    first_window_p95_ms: first.p95,
    permalink_window_p50_ms: around.p50,
    permalink_window_p95_ms: around.p95,
    next_window_p50_ms: next.p50,
    next_window_p95_ms: next.p95,
    overview_p50_ms: overview.p50,
    overview_p95_ms: overview.p95,
    runs: RUNS,
  };
  console.log(`work of ${segments} segments; windows of 200 (median / 95th percentile of ${RUNS} runs)`);
  console.log(`  primary-key lookup (baseline): ${baseline.p50} ms`);
  console.log(`  first window:                  ${first.p50} / ${first.p95} ms  (${(first.p50 / baseline.p50).toFixed(1)}× baseline)`);
  console.log(`  window around a permalink:     ${around.p50} / ${around.p95} ms`);
  console.log(`  next window:                   ${next.p50} / ${next.p95} ms`);
  console.log(`  work overview (TOC, progress): ${overview.p50} / ${overview.p95} ms`);
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
