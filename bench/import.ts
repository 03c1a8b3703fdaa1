/**
 * npm run bench:import — imports the 700 KB OCR volume of the shared corpus (decode, cleanup with
 * the default rules, segmentation, one transaction) and compares the time with a bulk COPY of the
 * same rows into the same tables, measured in the same run on the same database. The cleanup
 * detectors and the segmenter are also timed on their own. Prints a JSON line with the figures last.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import { SYSTEM_ACTOR } from '../lib/auth/permissions';
import { CLEANUP_RULES, runCleanup } from '../lib/cleanup';
import { disconnectDb, getDb } from '../lib/db/client';
import { uuidv7Batch } from '../lib/db/uuid';
import { importWork } from '../lib/import/import-work';
import { prepareText } from '../lib/import/prepare-text';
import { keysBetween } from '../lib/segment/order-key';
import { segmentDocument } from '../lib/segment/segmenter';
import { createScratchDatabase, openTestServer } from '../test/helpers/db';

const CORPUS_FILE = path.resolve(process.cwd(), '../shared/corpus/stalin-works-vol8-ocr.en.txt');
const RUNS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** COPY text format: tab-separated, \N for null, backslash escapes. */
function copyLine(values: (string | number | null)[]): string {
  return `${values.map((v) => (v === null ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r'))).join('\t')}\n`;
}

async function copyInto(client: pg.Client, sql: string, lines: string[]): Promise<void> {
  await pipeline(Readable.from(lines), client.query(copyFrom(sql)));
}

async function main() {
  const server = await openTestServer();
  const database = await createScratchDatabase(server.url, { prefix: 'interlinear_bench' });
  process.env.DATABASE_URL = database.url;
  const bytes = await readFile(CORPUS_FILE);
  const collectionId = (await getDb().collection.create({ data: { slug: 'bench', title: 'Bench' }, select: { id: true } })).id;

  const importSeconds: number[] = [];
  let segments = 0;
  let textSegments = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const summary = await importWork({
      actor: SYSTEM_ACTOR,
      file: { name: path.basename(CORPUS_FILE), bytes },
      collection: { id: collectionId },
      metadata: { title: `Works vol. 8 (run ${run + 1})`, language: 'en' },
    });
    importSeconds.push((performance.now() - started) / 1000);
    const { heading, paragraph, sentence, footnote } = summary.counts;
    segments = heading + paragraph + sentence + footnote;
    textSegments = heading + sentence + footnote;
  }

  // The stages on their own: cleanup detectors, then segmentation of the cleaned text.
  const cleanupStarted = performance.now();
  const cleaned = runCleanup(bytes.toString('utf8'), { format: 'txt' });
  const cleanupSeconds = (performance.now() - cleanupStarted) / 1000;
  const segmentStarted = performance.now();
  segmentDocument(cleaned.text, { language: 'en', format: 'txt' });
  const segmentSeconds = (performance.now() - segmentStarted) / 1000;
  const ruleMilliseconds = Object.fromEntries(
    CLEANUP_RULES.map((rule) => {
      const started = performance.now();
      runCleanup(bytes.toString('utf8'), { format: 'txt', enabled: Object.fromEntries(CLEANUP_RULES.map((other) => [other.id, other.id === rule.id])) });
      return [rule.id, Math.round(performance.now() - started)];
    }),
  );

  // Baseline: the same rows, prepared in memory beforehand, loaded with COPY into the same tables.
  const { rows } = prepareText({ bytes, filename: 'volume.txt', language: 'en' });
  const copySeconds: number[] = [];
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  for (let run = 0; run < RUNS; run += 1) {
    const workId = (await getDb().work.create({ data: { collectionId, slug: `copy-${run}`, title: 'COPY baseline', sourceLanguage: 'en' }, select: { id: true } })).id;
    const ids = uuidv7Batch(rows.length);
    const keys = keysBetween(null, null, rows.length);
    const texts = rows.flatMap((row, i) => (row.text === null ? [] : [{ segmentId: ids[i] as string, text: row.text }]));
    const textIds = uuidv7Batch(texts.length);
    const revisionIds = uuidv7Batch(texts.length);
    const segmentLines = rows.map((row, i) => copyLine([ids[i] as string, workId, row.parentIndex === null ? null : (ids[row.parentIndex] as string), row.kind, row.level, keys[i] as string, row.label]));
    const textLines = texts.map((t, i) => copyLine([textIds[i] as string, t.segmentId, 'en', 'APPROVED', revisionIds[i] as string]));
    const revisionLines = texts.map((t, i) => copyLine([revisionIds[i] as string, textIds[i] as string, t.text, 'IMPORT', null]));
    const started = performance.now();
    // Constraints stay on, as for the import: the text → published revision key is checked at
    // commit, so COPY can load texts before their revisions.
    await client.query('BEGIN');
    await copyInto(client, 'COPY segment (id, work_id, parent_id, kind, level, order_key, label) FROM STDIN', segmentLines);
    await copyInto(client, 'COPY segment_text (id, segment_id, language, status, published_revision_id) FROM STDIN', textLines);
    await copyInto(client, 'COPY revision (id, segment_text_id, text, origin, author_id) FROM STDIN', revisionLines);
    await client.query('COMMIT');
    copySeconds.push((performance.now() - started) / 1000);
  }
  await client.end();
  await disconnectDb();
  await database.drop();
  await server.stop();

  const seconds = median(importSeconds);
  const copy = median(copySeconds);
  const figures = {
    file: path.basename(CORPUS_FILE),
    bytes: bytes.byteLength,
    segments,
    text_segments: textSegments,
    seconds: Number(seconds.toFixed(3)),
    segments_per_second: Math.round(segments / seconds),
    cleanup_seconds: Number(cleanupSeconds.toFixed(3)),
    segment_seconds: Number(segmentSeconds.toFixed(3)),
    rule_ms: ruleMilliseconds,
    copy_seconds: Number(copy.toFixed(3)),
    ratio: Number((seconds / copy).toFixed(2)),
    // The database part alone: the whole import less the cleanup and segmentation measured above.
    write_ratio: Number(((seconds - cleanupSeconds - segmentSeconds) / copy).toFixed(2)),
    runs: RUNS,
  };
  console.log(`import: ${segments} segments (${textSegments} with text) in ${figures.seconds} s = ${figures.segments_per_second} segments/s (median of ${RUNS})`);
  console.log(`  of which cleanup detectors: ${figures.cleanup_seconds} s (${Object.entries(ruleMilliseconds).map(([id, ms]) => `${id} ${ms} ms`).join(', ')}), segmenting: ${figures.segment_seconds} s`);
  console.log(`COPY baseline of the same rows: ${figures.copy_seconds} s`);
  console.log(`ratio import / COPY: ${figures.ratio}× in all, ${figures.write_ratio}× for the database writes alone (goals: whole import with cleanup < 5 s; writes ≤ 3× COPY)`);
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
