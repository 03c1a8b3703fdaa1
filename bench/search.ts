/**
 * npm run bench:search — translation memory, concordance and library search at scale. Loads a
 * translation memory of 1,000,000 pairs (BENCH_TM_PAIRS to change it) generated from the corpus'
 * sentences and the English–Russian Anna Karenina gold pairs with realistic variation (a word
 * replaced, dropped, inserted or moved, a number or the punctuation changed, 1–3 edits per
 * variant), imports the corpus texts and Anna Karenina (English, with its Russian aligned) as
 * works, then measures p50/p95 of a fuzzy memory lookup (exact, near and unmatched sentences),
 * of a concordance query (the library's pairs, then the imported units of the memory above) and
 * of library search with snippets, the recall of the MinHash
 * candidates against a brute-force scorer on a sample, and the sizes of the table and indexes.
 * Prints a JSON line with the figures last. See docs/memory.md and docs/benchmarks.md.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import { percentile, summarize, timeSamples } from './timing';
import { ANONYMOUS, SYSTEM_ACTOR } from '../lib/auth/permissions';
import { disconnectDb, getDb } from '../lib/db/client';
import { importAlignedTranslation } from '../lib/import/import-aligned-translation';
import { importWork } from '../lib/import/import-work';
import { findConcordance } from '../lib/memory/find-concordance';
import { lookupMemory } from '../lib/memory/lookup-memory';
import { concordanceQuerySchema, MAX_CONCORDANCE_PAGE } from '../lib/memory/schemas';
import { matchPercent, matchTokens } from '../lib/memory/score-match';
import { searchInputSchema } from '../lib/search/schemas';
import { searchLibrary } from '../lib/search/search-library';
import { splitSentences } from '../lib/segment/segmenter';
import { createScratchDatabase, openTestServer } from '../test/helpers/db';
import { mulberry32 } from '../test/helpers/random';

const SHARED = path.resolve(process.cwd(), '../shared');
const CORPUS = ['lenin-stalin-quotes-collection.en.txt', 'razlatzky-notes-in-the-margins.en.txt', 'stalin-works-vol8-ocr.en.txt', 'wells-stalin-interview-1934.en.txt'];
const ANNA = path.join(SHARED, 'align-eval/opus-books-en-ru-dev');
const TM_PAIRS = Number(process.env.BENCH_TM_PAIRS ?? 1_000_000);
const LOOKUPS = 300;
const RECALL_SAMPLE = 40;
const TEXT_QUERIES = 150;
const WARMUP = 20;

interface Pair {
  sourceLanguage: 'en' | 'ru';
  targetLanguage: 'en' | 'ru';
  source: string;
  target: string;
}

const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)] as T;

/** A variant of a sentence as a memory holds them: 1–`most` edits of words, numbers or punctuation. */
function vary(sentence: string, vocabulary: readonly string[], rnd: () => number, most = 3): string {
  const words = sentence.split(' ');
  const edits = 1 + Math.floor(rnd() * most);
  for (let e = 0; e < edits; e += 1) {
    const at = Math.floor(rnd() * words.length);
    const op = rnd();
    if (op < 0.35) words[at] = pick(vocabulary, rnd);
    else if (op < 0.5 && words.length > 3) words.splice(at, 1);
    else if (op < 0.7) words.splice(at, 0, pick(vocabulary, rnd));
    else if (op < 0.8 && at + 1 < words.length) [words[at], words[at + 1]] = [words[at + 1] as string, words[at] as string];
    else if (op < 0.9) words[at] = /\d/u.test(words[at] ?? '') ? (words[at] ?? '').replace(/\d+/u, String(Math.floor(rnd() * 1000))) : `${words[at] ?? ''},`;
    else words[words.length - 1] = (words[words.length - 1] ?? '').replace(/[.!?;:]$/u, rnd() < 0.5 ? '!' : ';');
  }
  return words.join(' ');
}

function copyLine(values: (string | number)[]): string {
  return `${values.map((v) => String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')).join('\t')}\n`;
}

/** The corpus and the gold pairs as memory pairs, and the words they use (for variation and queries). */
async function basePairs(): Promise<{ pairs: Pair[]; english: string[]; russian: string[]; annaEnglish: string[]; annaRussian: string[] }> {
  const annaEnglish = (await readFile(path.join(ANNA, 'dev.en'), 'utf8')).split('\n');
  const annaRussian = (await readFile(path.join(ANNA, 'dev.ru'), 'utf8')).split('\n');
  const beads = (await readFile(path.join(ANNA, 'dev.enru'), 'utf8')).split('\n').filter(Boolean);
  const pairs: Pair[] = [];
  const ok = (text: string) => text.length >= 3 && text.length <= 400;
  for (const bead of beads) {
    const [en, ru] = bead.split(':').map((side) => JSON.parse(side) as number[]);
    const source = (en ?? []).map((i) => annaEnglish[i] ?? '').join(' ').trim();
    const target = (ru ?? []).map((i) => annaRussian[i] ?? '').join(' ').trim();
    if (!ok(source) || !ok(target)) continue;
    pairs.push({ sourceLanguage: 'en', targetLanguage: 'ru', source, target });
    pairs.push({ sourceLanguage: 'ru', targetLanguage: 'en', source: target, target: source });
  }
  // The corpus has no translation: its sentences are paired with Russian sentences of the gold
  // (what a lookup returns does not change how fast it finds it).
  let n = 0;
  for (const file of CORPUS) {
    const text = await readFile(path.join(SHARED, 'corpus', file), 'utf8');
    for (const paragraph of text.split(/\n\s*\n/u)) {
      for (const sentence of splitSentences(paragraph, 'en')) {
        if (!ok(sentence)) continue;
        pairs.push({ sourceLanguage: 'en', targetLanguage: 'ru', source: sentence, target: annaRussian[n % annaRussian.length] ?? '' });
        n += 1;
      }
    }
  }
  const words = (language: 'en' | 'ru') => [...new Set(pairs.filter((p) => p.sourceLanguage === language).flatMap((p) => p.source.split(' ')).filter((w) => /\p{L}{3,}/u.test(w)))];
  return { pairs, english: words('en'), russian: words('ru'), annaEnglish, annaRussian };
}

async function loadMemory(url: string, pairs: readonly Pair[], vocabulary: Record<'en' | 'ru', string[]>): Promise<{ units: Pair[]; loadSeconds: number; indexSeconds: number }> {
  const rnd = mulberry32(1);
  const units: Pair[] = [];
  for (let i = 0; i < TM_PAIRS; i += 1) {
    const base = pairs[i % pairs.length] as Pair;
    const isOriginal = i < pairs.length;
    units.push(isOriginal ? base : { ...base, source: vary(base.source, vocabulary[base.sourceLanguage], rnd) });
  }
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE UNLOGGED TABLE bench_tm (n int, source_language text, target_language text, source_text text, target_text text)');
  await pipeline(
    Readable.from(units.map((unit, n) => copyLine([n, unit.sourceLanguage, unit.targetLanguage, unit.source, unit.target]))),
    client.query(copyFrom('COPY bench_tm FROM STDIN')),
  );
  // Keys computed by the same SQL functions the triggers use, on both cores (the concordance's
  // vectors by the table's own trigger).
  await client.query('DROP INDEX memory_unit_bands_idx, memory_unit_exact_key_idx, memory_unit_source_vector_idx, memory_unit_target_vector_idx');
  const insert = (part: number) => async () => {
    const worker = new pg.Client({ connectionString: url });
    await worker.connect();
    await worker.query(
      `INSERT INTO memory_unit (id, origin, source_language, target_language, source_text, target_text, exact_key, bands, imported_file, translator, translated_at)
       SELECT gen_random_uuid(), 'IMPORTED', source_language, target_language, source_text, target_text, memory_exact_key(source_text),
              memory_bands(interlinear_search_config(source_language), source_language || '>' || target_language, source_text), 'bench.tmx', 'Bench', now()
         FROM bench_tm WHERE n % 2 = $1`,
      [part],
    );
    await worker.end();
  };
  await Promise.all([insert(0)(), insert(1)()]);
  const loaded = performance.now();
  await client.query('CREATE INDEX memory_unit_bands_idx ON memory_unit USING GIN (bands)');
  await client.query('CREATE INDEX memory_unit_exact_key_idx ON memory_unit (exact_key)');
  // The concordance's indexes of imported units, as the migration `concordance_imported_units` makes them.
  await client.query(`CREATE INDEX memory_unit_source_vector_idx ON memory_unit USING GIN (source_vector) WHERE origin = 'IMPORTED'`);
  await client.query(`CREATE INDEX memory_unit_target_vector_idx ON memory_unit USING GIN (target_vector) WHERE origin = 'IMPORTED'`);
  await client.query('DROP TABLE bench_tm');
  await client.query('VACUUM ANALYZE memory_unit');
  await client.end();
  return { units, loadSeconds: (loaded - started) / 1000, indexSeconds: (performance.now() - loaded) / 1000 };
}

/** Recall of the candidates: of the best units by a brute-force scorer over the whole memory, the share the lookup returns. */
function bruteForce(units: readonly Pair[], encoded: readonly Int32Array[], ids: Map<string, number>, query: Pair): Map<string, number> {
  const tokens = Int32Array.from(matchTokens(query.source).map((token) => ids.get(token) ?? -1));
  const best = new Map<string, number>();
  for (let i = 0; i < units.length; i += 1) {
    const unit = units[i] as Pair;
    const other = encoded[i] as Int32Array;
    if (unit.sourceLanguage !== query.sourceLanguage) continue;
    const longer = Math.max(other.length, tokens.length);
    if (Math.abs(other.length - tokens.length) > longer / 4) continue;
    const percent = matchPercent(Array.from(other, String), Array.from(tokens, String));
    if (percent >= 75 && percent > (best.get(unit.source) ?? -1)) best.set(unit.source, percent);
  }
  return best;
}

/** Each item timed after the first {@link WARMUP} untimed: p50, p95 and the samples. */
async function timeAllSummarized<T>(items: readonly T[], fn: (item: T) => Promise<unknown>): Promise<{ p50: number; p95: number; samples: number[] }> {
  const samples = await timeSamples(items, fn, { warmUp: WARMUP });
  return { ...summarize(samples), samples };
}

async function main() {
  const server = await openTestServer();
  const database = await createScratchDatabase(server.url, { prefix: 'interlinear_bench' });
  process.env.DATABASE_URL = database.url;
  // Searches are counted per address under a key derived from the app's secret.
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString('base64url');
  const db = getDb();
  const { pairs, english, russian, annaEnglish, annaRussian } = await basePairs();

  // The library: the corpus texts and Anna Karenina with its Russian translation, as works.
  const importStarted = performance.now();
  const collection = { title: 'Bench' };
  for (const file of CORPUS) {
    await importWork({ actor: SYSTEM_ACTOR, file: { name: file, bytes: await readFile(path.join(SHARED, 'corpus', file)) }, collection, metadata: { title: file, language: 'en' } });
  }
  const paragraphs = (lines: string[]) => lines.reduce<string[]>((out, line, i) => (i % 8 === 0 ? [...out, line] : [...out.slice(0, -1), `${out.at(-1) ?? ''} ${line}`]), []).join('\n\n');
  const anna = await importWork({ actor: SYSTEM_ACTOR, file: { name: 'anna.txt', bytes: new TextEncoder().encode(paragraphs(annaEnglish.filter(Boolean))) }, collection, metadata: { title: 'Anna Karenina', language: 'en' } });
  await importAlignedTranslation({ actor: SYSTEM_ACTOR, workId: anna.workId, file: { name: 'anna.ru.txt', bytes: new TextEncoder().encode(paragraphs(annaRussian.filter(Boolean))) }, provenance: { language: 'ru', translator: 'Bench' } });
  const importSeconds = (performance.now() - importStarted) / 1000;
  const libraryUnits = await db.memoryUnit.count({ where: { origin: 'LIBRARY' } });

  const { units, loadSeconds, indexSeconds } = await loadMemory(database.url, pairs, { en: english, ru: russian });
  // Tables as autovacuum keeps them on a live database (the imports just wrote every table): fresh
  // statistics, and the GIN indexes' pending lists merged. Right after the imports the search
  // index held 16,700 of its 27,000 entries in its pending list, which every search reads through
  // and the planner prices so high that it read the table instead (60 ms for a word of 84 texts).
  await db.$executeRawUnsafe('VACUUM ANALYZE');

  // Lookups: 60 % near variants of stored sentences, 20 % stored sentences, 20 % sentences of no memory.
  const rnd = mulberry32(2);
  const queries: Pair[] = Array.from({ length: LOOKUPS }, (_, i) => {
    const base = pick(pairs, rnd);
    const vocabulary = base.sourceLanguage === 'en' ? english : russian;
    if (i % 5 < 3) return { ...base, source: vary(base.source, vocabulary, rnd, 2) };
    if (i % 5 === 3) return base;
    return { ...base, source: Array.from({ length: 6 + Math.floor(rnd() * 14) }, () => pick(vocabulary, rnd)).join(' ') };
  });
  const lookup = (query: Pair, limit = 5) =>
    lookupMemory(db, { sourceLanguage: query.sourceLanguage, targetLanguage: query.targetLanguage, text: query.source, collectionIds: 'all', minPercent: 75, limit });
  const tm = await timeAllSummarized(queries, (query) => lookup(query));
  const kinds = ['near variant', 'near variant', 'near variant', 'stored sentence', 'no match'];
  const byKind = (kind: string) => tm.samples.filter((_, i) => kinds[i % 5] === kind);
  const found = await Promise.all(queries.slice(0, 50).map((query) => lookup(query)));
  const withMatch = found.filter((matches) => matches.length > 0).length;

  // Recall against a brute-force scorer over every unit, on near variants.
  const ids = new Map<string, number>();
  const encoded = units.map((unit) => Int32Array.from(matchTokens(unit.source).map((token) => ids.get(token) ?? (ids.set(token, ids.size), ids.size - 1))));
  let expected = 0;
  let recalled = 0;
  let topHits = 0;
  let topCases = 0;
  for (const query of queries.filter((_, i) => i % 5 < 3).slice(0, RECALL_SAMPLE)) {
    const truth = bruteForce(units, encoded, ids, query);
    if (truth.size === 0) continue;
    const ranked = [...truth.entries()].sort((a, b) => b[1] - a[1]);
    const cut = ranked[Math.min(4, ranked.length - 1)]?.[1] ?? 100;
    const wanted = ranked.filter(([, percent]) => percent >= cut).map(([source]) => source);
    const got = new Set((await lookup(query, 40)).map((match) => match.sourceText));
    expected += Math.min(5, wanted.length);
    recalled += Math.min(5, wanted.filter((source) => got.has(source)).length);
    if (process.env.BENCH_DEBUG) for (const source of wanted.filter((w) => !got.has(w))) console.log(`missed ${truth.get(source)}%: ${JSON.stringify(source)} for ${JSON.stringify(query.source)}`);
    topCases += 1;
    const [first] = await lookup(query, 1);
    if (first?.percent === ranked[0]?.[1]) topHits += 1;
  }

  // Concordance and library search: words of the library, as readers type them.
  const words = [...annaEnglish.slice(0, 4000), ...annaRussian.slice(0, 4000)].flatMap((line) => line.split(/[^\p{L}]+/u)).filter((w) => w.length >= 5);
  const textQueries = Array.from({ length: TEXT_QUERIES }, () => pick(words, rnd));
  // Each search from an address of its own: the rate limit's count is part of the time, never its refusal.
  let searches = 0;
  // The library's en–ru pairs, then the imported units of en–ru (a page of 20 needs both when the
  // library has fewer): the memory above is all imported.
  const importedShown = { first: 0, deepest: 0 };
  const concordanceAt = (page: number, counted: 'first' | 'deepest') => async (q: string) => {
    searches += 1;
    const side = /\p{Script=Cyrillic}/u.test(q) ? 'target' : 'source';
    const result = await findConcordance({ actor: ANONYMOUS, input: concordanceQuerySchema.parse({ q, source: 'en', target: 'ru', side, page }), clientAddress: `bench-${searches}` });
    importedShown[counted] += result.pairs.filter((pair) => pair.provenance.origin === 'IMPORTED').length;
  };
  // The first page as users see it, and the deepest one allowed (200 pairs in: the library's are
  // ranked up to there, and the imported units from their candidates whenever the library has fewer).
  const concordance = await timeAllSummarized(textQueries, concordanceAt(1, 'first'));
  const deepConcordance = await timeAllSummarized(textQueries, concordanceAt(MAX_CONCORDANCE_PAGE, 'deepest'));
  const search = await timeAllSummarized(textQueries, (q) => {
    searches += 1;
    return searchLibrary({ actor: ANONYMOUS, input: searchInputSchema.parse({ q, language: /\p{Script=Cyrillic}/u.test(q) ? 'ru' : 'en' }), clientAddress: `bench-${searches}` });
  });

  const sizes = await db.$queryRaw<{ name: string; bytes: bigint }[]>`
    SELECT 'memory_unit' AS name, pg_relation_size('memory_unit') AS bytes
    UNION ALL SELECT indexrelid::regclass::text, pg_relation_size(indexrelid) FROM pg_index WHERE indrelid = 'memory_unit'::regclass
    UNION ALL SELECT 'segment_text_search_vector_idx', pg_relation_size('segment_text_search_vector_idx')`;
  const mb = (name: string) => Number((Number(sizes.find((row) => row.name === name)?.bytes ?? 0n) / 1048576).toFixed(1));
  const segmentTexts = await db.segmentText.count({ where: { publishedRevisionId: { not: null } } });
  await disconnectDb();
  if (process.env.BENCH_KEEP) console.log(`kept ${database.name}`);
  else await database.drop();
  await server.stop();

  const figures = {
    tm_pairs: TM_PAIRS + libraryUnits,
    library_units: libraryUnits,
    published_texts: segmentTexts,
    tm_load_s: Number(loadSeconds.toFixed(1)),
    tm_index_build_s: Number(indexSeconds.toFixed(1)),
    library_import_s: Number(importSeconds.toFixed(1)),
    tm_p50_ms: tm.p50,
    tm_p95_ms: tm.p95,
    tm_lookups: LOOKUPS,
    tm_near_p95_ms: percentile(byKind('near variant'), 95),
    tm_exact_p95_ms: percentile(byKind('stored sentence'), 95),
    tm_unmatched_p95_ms: percentile(byKind('no match'), 95),
    tm_recall_at_5: Number((recalled / Math.max(1, expected)).toFixed(3)),
    tm_top1_recall: Number((topHits / Math.max(1, topCases)).toFixed(3)),
    tm_recall_queries: topCases,
    concordance_p50_ms: concordance.p50,
    concordance_p95_ms: concordance.p95,
    concordance_imported_pairs_shown: importedShown.first,
    concordance_deepest_page_p50_ms: deepConcordance.p50,
    concordance_deepest_page_p95_ms: deepConcordance.p95,
    concordance_deepest_page_imported_pairs_shown: importedShown.deepest,
    search_p50_ms: search.p50,
    search_p95_ms: search.p95,
    memory_table_mb: mb('memory_unit'),
    memory_bands_index_mb: mb('memory_unit_bands_idx'),
    memory_exact_index_mb: mb('memory_unit_exact_key_idx'),
    concordance_indexes_mb: Number((mb('memory_unit_source_vector_idx') + mb('memory_unit_target_vector_idx')).toFixed(1)),
    memory_indexes_mb: Number(sizes.filter((row) => row.name.startsWith('memory_unit_')).reduce((sum, row) => sum + Number(row.bytes) / 1048576, 0).toFixed(1)),
    search_index_mb: mb('segment_text_search_vector_idx'),
  };
  console.log(`translation memory: ${figures.tm_pairs} pairs (${libraryUnits} from the library); loaded in ${figures.tm_load_s} s, indexed in ${figures.tm_index_build_s} s`);
  console.log(`  lookup (exact + fuzzy, rescored, top 5): ${tm.p50} / ${tm.p95} ms (p50 / p95 of ${LOOKUPS}); ${withMatch}/50 of the first queries matched`);
  console.log(`  p95 by kind: near variants ${figures.tm_near_p95_ms} ms, stored sentences ${figures.tm_exact_p95_ms} ms, sentences of no memory ${figures.tm_unmatched_p95_ms} ms`);
  console.log(`  recall of the candidates vs brute force on ${topCases} near variants: ${figures.tm_recall_at_5} (top 5), ${figures.tm_top1_recall} (best match)`);
  console.log(`concordance (en–ru, ${TEXT_QUERIES} words, library pairs then imported units): ${concordance.p50} / ${concordance.p95} ms; ${importedShown.first} imported pairs shown`);
  console.log(`  page ${MAX_CONCORDANCE_PAGE} of the same: ${deepConcordance.p50} / ${deepConcordance.p95} ms; ${importedShown.deepest} imported pairs shown`);
  console.log(`library search with snippets (one language, ${segmentTexts} published texts): ${search.p50} / ${search.p95} ms`);
  console.log(`sizes: table ${figures.memory_table_mb} MB, band index ${figures.memory_bands_index_mb} MB, exact index ${figures.memory_exact_index_mb} MB, concordance indexes ${figures.concordance_indexes_mb} MB, search index ${figures.search_index_mb} MB`);
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
