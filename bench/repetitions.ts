/**
 * npm run bench:repetitions — finding and filling repetitions of a source sentence
 * (docs/memory.md, "Repetitions") in a large work and its volume, inside a library where the same
 * sentences recur far outside the volume. A volume of one work of 20,000 sentences and 9 of 5,000,
 * and 30 other works of 5,000 outside it (made-up text, loaded with bulk SQL): 215,000 published
 * source texts. Three sentences recur: a rare one (3 times in the large work, 2 in the volume), a
 * frequent one (50 / 100 / 1,000 outside) and a line of dialogue (300 / 500 / 20,000 outside).
 * Times `findRepetitions` for each (the whole use case the editor waits for), and the search alone
 * (the occurrences in the volume's works by the exact key) through `source_key`, the keys indexed
 * by work, against two baselines in the same run: an index on every revision's exact key (the key
 * is found in every work of the library), and no index (the volume's texts hashed at each search).
 * Times `fillRepetitions` of 200 occurrences against 200 `createSuggestion` calls (one suggestion
 * at a time), and what keeping the keys costs a bulk load of 20,000 texts.
 * Prints the plan of the search, then a JSON line with the figures last.
 */
import pg from 'pg';

import { round, timeEach } from './timing';
import { MAX_REPETITIONS_PER_FILL } from '../lib/config/limits';
import { disconnectDb, getDb } from '../lib/db/client';
import { uuidv7Batch } from '../lib/db/uuid';
import { findRepetitions } from '../lib/memory/find-repetitions';
import { createSuggestion } from '../lib/review/create-suggestion';
import { fillRepetitions } from '../lib/review/fill-repetitions';
import { keysBetween } from '../lib/segment/order-key';
import { createScratchDatabase, openTestServer } from '../test/helpers/db';
import { buildCollection, buildUser } from '../test/helpers/factories';
import { mulberry32 } from '../test/helpers/random';

const LARGE_WORK = 20_000;
const VOLUME_WORKS = 9;
const LIBRARY_WORKS = 30;
const SEGMENTS_PER_WORK = 5_000;
const RUNS = 50;
const WARM_UP = 5;
const GOAL_MS = 100;

/** The sentences that recur: in the large work, in each of the volume's other works together, and outside the volume. */
const RECURRING = {
  rare: { text: 'The miller’s letter never reached the council.', large: 3, volume: 2, library: 0 },
  frequent: { text: 'The river was frozen.', large: 50, volume: 100, library: 1_000 },
  dialogue: { text: '— Yes.', large: 300, volume: 500, library: 20_000 },
} as const;
type Recurring = keyof typeof RECURRING;

const WORDS = ['the', 'miller', 'crossed', 'river', 'before', 'dawn', 'and', 'council', 'wrote', 'a', 'letter', 'to', 'village', 'under', 'snow'];

/**
 * The texts of a work of `size` sentences: made-up ones, with `counts` occurrences of each
 * recurring sentence spread over it (every third one in capitals with doubled spaces: the same
 * sentence by the exact key).
 */
function workTexts(next: () => number, size: number, counts: Partial<Record<Recurring, number>>): string[] {
  const texts = Array.from({ length: size }, (_, i) => `Sentence ${i + 1}: ${Array.from({ length: 8 + Math.floor(next() * 12) }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ')}.`);
  for (const [name, count] of Object.entries(counts) as [Recurring, number][]) {
    for (let n = 0; n < count; n += 1) {
      const text = RECURRING[name].text;
      texts[Math.floor(next() * size)] = n % 3 === 2 ? text.toUpperCase().replace(/ /g, '  ') : text;
    }
  }
  return texts;
}

/** One work with its published source texts, in one transaction; returns its segment ids in order. */
async function loadWork(client: pg.Client, { collectionId, volumeId, position, index, texts }: { collectionId: string; volumeId: string | null; position: number | null; index: number; texts: string[] }): Promise<{ workId: string; segmentIds: string[] }> {
  const languages = volumeId ? [{ language: 'en', isSource: true }, { language: 'ru' }] : [{ language: 'en', isSource: true }];
  const workId = (await getDb().work.create({ data: { collectionId, volumeId, volumePosition: position, slug: `work-${index}`, title: `Work ${index}`, sourceLanguage: 'en', languages: { create: languages } }, select: { id: true } })).id;
  const segmentIds = uuidv7Batch(texts.length);
  const textIds = uuidv7Batch(texts.length);
  const revisionIds = uuidv7Batch(texts.length);
  await client.query('BEGIN');
  await client.query(`INSERT INTO segment (id, work_id, kind, order_key, chunk) SELECT id, $1::uuid, 'SENTENCE', key, (n - 1) / 100 FROM unnest($2::uuid[], $3::text[]) WITH ORDINALITY AS u(id, key, n)`, [workId, segmentIds, keysBetween(null, null, texts.length)]);
  // Texts and revisions in one statement, as imports write them: the triggers that key the texts
  // run at its end and see both.
  await client.query(
    `WITH texts AS (INSERT INTO segment_text (id, segment_id, language, status, published_revision_id) SELECT t, s, 'en', 'APPROVED', r FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS u(t, s, r))
     INSERT INTO revision (id, segment_text_id, text, origin) SELECT r, t, x, 'IMPORT' FROM unnest($3::uuid[], $1::uuid[], $4::text[]) AS u(r, t, x)`,
    [textIds, segmentIds, revisionIds, texts],
  );
  await client.query('COMMIT');
  return { workId, segmentIds };
}

async function main() {
  const server = await openTestServer();
  const database = await createScratchDatabase(server.url, { prefix: 'interlinear_bench' });
  process.env.DATABASE_URL = database.url;
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const next = mulberry32(7);

  const setupStarted = performance.now();
  const collection = await buildCollection('Bench');
  const volunteer = await buildUser({ name: 'Volunteer' });
  const volume = await getDb().volume.create({ data: { collectionId: collection.id, title: 'Collected Works' }, select: { id: true } });
  const spread = (name: Recurring, part: 'volume' | 'library', works: number, index: number) => Math.floor(RECURRING[name][part] / works) + (index < RECURRING[name][part] % works ? 1 : 0);
  const counts = (part: 'volume' | 'library', works: number, index: number) => Object.fromEntries((Object.keys(RECURRING) as Recurring[]).map((name) => [name, spread(name, part, works, index)]));
  const large = await loadWork(client, { collectionId: collection.id, volumeId: volume.id, position: 0, index: 0, texts: workTexts(next, LARGE_WORK, { rare: RECURRING.rare.large, frequent: RECURRING.frequent.large, dialogue: RECURRING.dialogue.large }) });
  for (let w = 0; w < VOLUME_WORKS; w += 1) await loadWork(client, { collectionId: collection.id, volumeId: volume.id, position: w + 1, index: w + 1, texts: workTexts(next, SEGMENTS_PER_WORK, counts('volume', VOLUME_WORKS, w)) });
  for (let w = 0; w < LIBRARY_WORKS; w += 1) await loadWork(client, { collectionId: collection.id, volumeId: null, position: null, index: VOLUME_WORKS + w + 1, texts: workTexts(next, SEGMENTS_PER_WORK, counts('library', LIBRARY_WORKS, w)) });
  await client.query('ANALYZE');
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  const texts = await client.query<{ n: string }>(`SELECT count(*) AS n FROM segment_text WHERE published_revision_id IS NOT NULL`);

  // The first occurrence of each recurring sentence in the large work is the one translated.
  const originOf = async (name: Recurring): Promise<string> => {
    const rows = await client.query<{ id: string }>(
      `SELECT s.id FROM segment s JOIN segment_text st ON st.segment_id = s.id AND st.language = 'en' JOIN revision r ON r.id = st.published_revision_id
        WHERE s.work_id = $1 AND r.text = $2 ORDER BY s.order_key LIMIT 1`,
      [large.workId, RECURRING[name].text],
    );
    const id = rows.rows[0]?.id;
    if (!id) throw new Error(`no occurrence of ${name}`);
    return id;
  };
  const origins = {} as Record<Recurring, string>;
  for (const name of Object.keys(RECURRING) as Recurring[]) origins[name] = await originOf(name);
  const find = (name: Recurring) => findRepetitions({ actor: volunteer.actor, input: { workId: large.workId, segment: origins[name], lang: 'ru' } });
  const found: Record<string, { work: number; otherWorks: number }> = {};
  for (const name of Object.keys(RECURRING) as Recurring[]) found[name] = (await find(name)).counts;

  const findTimes: Record<string, { p50: number; p95: number }> = {};
  for (const name of Object.keys(RECURRING) as Recurring[]) findTimes[name] = await timeEach(Array.from({ length: RUNS }), () => find(name), { warmUp: WARM_UP });
  const volumeWorks = (await client.query<{ id: string }>(`SELECT id FROM work WHERE volume_id = $1 ORDER BY volume_position`, [volume.id])).rows.map((row) => row.id);
  // The search's shape in findRepetitions: one index range per work, then each segment on its own.
  const plan = await client.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) SELECT s.id FROM unnest($1::uuid[]) w(id)
       CROSS JOIN LATERAL (SELECT x.segment_id FROM source_key x WHERE x.work_id = w.id AND x.exact_key = memory_exact_key($2) OFFSET 0) k
       CROSS JOIN LATERAL (SELECT s.id FROM segment s WHERE s.id = k.segment_id AND s.retired_at IS NULL LIMIT 1) s`,
    [volumeWorks, RECURRING.dialogue.text],
  );

  // (2) Filling 200 occurrences in one go, against 200 suggestions one at a time on other occurrences.
  const listed = (await find('dialogue')).occurrences.map((occurrence) => occurrence.segmentId);
  const fillStarted = performance.now();
  const filled = await fillRepetitions({ actor: volunteer.actor, input: { workId: large.workId, segment: origins.dialogue, lang: 'ru', text: '— Да.', segmentIds: listed.slice(0, MAX_REPETITIONS_PER_FILL) } });
  const fillMs = performance.now() - fillStarted;
  const others = (await find('dialogue')).occurrences.map((occurrence) => occurrence.segmentId).slice(0, MAX_REPETITIONS_PER_FILL);
  const oneByOneStarted = performance.now();
  for (const segmentId of others) await createSuggestion({ actor: volunteer.actor, input: { segmentId, language: 'ru', text: '— Да.', baseRevisionId: null } });
  const oneByOneMs = performance.now() - oneByOneStarted;

  // (3) The search alone (the occurrences in the volume's works, by the exact key) through
  // source_key, and the baselines: through an index on every revision's exact key, then with no
  // index at all. JIT off in this session, as findRepetitions runs: these compare the plans.
  await client.query('SET jit = off');
  const search = {
    sourceKey: (name: Recurring) =>
      client.query(
        `SELECT s.id FROM unnest($2::uuid[]) w(id) CROSS JOIN LATERAL (SELECT x.segment_id FROM source_key x WHERE x.work_id = w.id AND x.exact_key = memory_exact_key($1) OFFSET 0) k
           CROSS JOIN LATERAL (SELECT s.id FROM segment s WHERE s.id = k.segment_id AND s.retired_at IS NULL LIMIT 1) s`,
        [RECURRING[name].text, volumeWorks],
      ),
    revisions: (name: Recurring) =>
      client.query(
        `SELECT s.id FROM revision r JOIN segment_text st ON st.published_revision_id = r.id AND st.language = 'en' JOIN segment s ON s.id = st.segment_id
          WHERE memory_exact_key(r.text) = memory_exact_key($1) AND s.work_id = ANY($2::uuid[]) AND s.retired_at IS NULL`,
        [RECURRING[name].text, volumeWorks],
      ),
  };
  const bySourceKey: Record<string, { p50: number; p95: number }> = {};
  for (const name of Object.keys(RECURRING) as Recurring[]) bySourceKey[name] = await timeEach(Array.from({ length: RUNS }), () => search.sourceKey(name), { warmUp: WARM_UP });
  await client.query('CREATE INDEX bench_revision_exact_key ON revision (memory_exact_key(text))');
  await client.query('ANALYZE revision');
  const revisionIndexSize = await client.query<{ mb: number }>(`SELECT pg_relation_size('bench_revision_exact_key') / 1048576.0 AS mb`);
  const byRevisionIndex: Record<string, { p50: number; p95: number }> = {};
  for (const name of Object.keys(RECURRING) as Recurring[]) byRevisionIndex[name] = await timeEach(Array.from({ length: RUNS }), () => search.revisions(name), { warmUp: WARM_UP });
  await client.query('DROP INDEX bench_revision_exact_key');
  const withoutIndex: Record<string, { p50: number; p95: number }> = {};
  for (const name of Object.keys(RECURRING) as Recurring[]) withoutIndex[name] = await timeEach(Array.from({ length: Math.ceil(RUNS / 5) }), () => search.revisions(name), { warmUp: WARM_UP });
  const keySize = await client.query<{ mb: number }>(`SELECT (pg_relation_size('source_key') + pg_relation_size('source_key_pkey') + pg_relation_size('source_key_work_id_exact_key_idx')) / 1048576.0 AS mb`);

  // (4) What keeping the keys costs a bulk load: 20,000 texts without the trigger, then with it.
  const loadSeconds = async (index: number) => {
    const started = performance.now();
    await loadWork(client, { collectionId: collection.id, volumeId: null, position: null, index, texts: workTexts(next, LARGE_WORK, {}) });
    return (performance.now() - started) / 1000;
  };
  // Twice each, alternately: the machine's load drifts between runs; the faster of each is kept.
  const loads = { without: [] as number[], with: [] as number[] };
  for (let round = 0; round < 2; round += 1) {
    await client.query('ALTER TABLE segment_text DISABLE TRIGGER source_key_segment_text_inserted');
    loads.without.push(await loadSeconds(1_000 + 2 * round));
    await client.query('ALTER TABLE segment_text ENABLE TRIGGER source_key_segment_text_inserted');
    loads.with.push(await loadSeconds(1_001 + 2 * round));
  }
  const loadWithout = Math.min(...loads.without);
  const loadWith = Math.min(...loads.with);

  await client.end();
  await disconnectDb();
  await database.drop();
  await server.stop();

  const figures = {
    published_texts: Number(texts.rows[0]?.n ?? 0),
    large_work_segments: LARGE_WORK,
    volume_segments: LARGE_WORK + VOLUME_WORKS * SEGMENTS_PER_WORK,
    setup_seconds: round(setupSeconds),
    ...Object.fromEntries((Object.keys(RECURRING) as Recurring[]).flatMap((name) => [
      [`${name}_found_work`, found[name]?.work ?? 0],
      [`${name}_found_volume`, found[name]?.otherWorks ?? 0],
      [`${name}_p50_ms`, findTimes[name]?.p50],
      [`${name}_p95_ms`, findTimes[name]?.p95],
      [`${name}_search_p50_ms`, bySourceKey[name]?.p50],
      [`${name}_search_p95_ms`, bySourceKey[name]?.p95],
      [`${name}_revision_index_p50_ms`, byRevisionIndex[name]?.p50],
      [`${name}_revision_index_p95_ms`, byRevisionIndex[name]?.p95],
      [`${name}_no_index_p50_ms`, withoutIndex[name]?.p50],
      [`${name}_no_index_p95_ms`, withoutIndex[name]?.p95],
    ])),
    fill_count: filled.filled,
    fill_ms: round(fillMs),
    one_by_one_count: others.length,
    one_by_one_ms: round(oneByOneMs),
    source_key_mb: round(Number(keySize.rows[0]?.mb ?? 0)),
    revision_index_mb: round(Number(revisionIndexSize.rows[0]?.mb ?? 0)),
    load_20k_without_keys_s: round(loadWithout),
    load_20k_with_keys_s: round(loadWith),
  };
  console.log(`plan of the search for the line of dialogue (source_key):\n${plan.rows.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}`);
  console.log(`${figures.published_texts} published texts; a volume of ${figures.volume_segments} sentences (set up in ${figures.setup_seconds} s)`);
  console.log(`              found (work / other works)   findRepetitions p50 / p95 (ms)   search alone: source_key   revision index   no index   goal p95 < ${GOAL_MS} ms`);
  const pair = (t: { p50: number; p95: number } | undefined) => `${t?.p50} / ${t?.p95}`;
  for (const name of Object.keys(RECURRING) as Recurring[]) {
    console.log(
      `  ${name.padEnd(10)}${`${found[name]?.work} / ${found[name]?.otherWorks}`.padStart(16)}${pair(findTimes[name]).padStart(33)}${pair(bySourceKey[name]).padStart(27)}${pair(byRevisionIndex[name]).padStart(17)}${pair(withoutIndex[name]).padStart(21)}   ${(findTimes[name]?.p95 ?? Infinity) < GOAL_MS ? 'met' : 'MISSED'}`,
    );
  }
  console.log(`  fill ${figures.fill_count} in one transaction: ${figures.fill_ms} ms; ${figures.one_by_one_count} suggestions one at a time: ${figures.one_by_one_ms} ms`);
  console.log(`  source_key ${figures.source_key_mb} MB (an index on every revision's key: ${figures.revision_index_mb} MB); bulk load of 20,000 texts without / with the keys: ${figures.load_20k_without_keys_s} / ${figures.load_20k_with_keys_s} s`);
  console.log(JSON.stringify(figures));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
