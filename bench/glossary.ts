/**
 * npm run bench:glossary — recognising glossary terms in a segment (docs/glossary.md) with a
 * glossary of 100,000 Russian → English terms (`--terms=N`): `findGlossaryHits` for one segment's
 * original at a time, as a quality check asks, over many made-up segments, and for a chunk of 100
 * segments at once, as the editor asks. Terms and texts are generated from made-up Russian and
 * English words (syllables with Russian case endings and English plurals, so that PostgreSQL's
 * stemmers have inflections to undo): single nouns, adjective–noun and adjective–noun–genitive
 * terms (adjectives drawn with a skew, so that a few start hundreds of terms, as "Communist"
 * would) and abbreviations with dots; segments of 12–30 words mix stop words, words of the
 * glossary's vocabulary in any case, and one to three terms inflected. Baseline in the same run:
 * the same lookups with the first-stem index out of the planner's reach (a scan of the pair's
 * terms). Prints a summary, then one JSON line of figures last.
 *
 * `benchGlossary` is exported for other benchmarks (the quality checks'), which print its
 * `glossary_terms` and `glossary_p95_ms` beside their own figures.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';

import { round, summarize, timeEach, timeSamples } from './timing';
import { disconnectDb, getDb, withTransaction, type Db } from '../lib/db/client';
import { uuidv7Batch } from '../lib/db/uuid';
import { findGlossaryHits } from '../lib/glossary/find-glossary-hits';
import { createScratchDatabase, openTestServer } from '../test/helpers/db';
import { mulberry32 } from '../test/helpers/random';

/** The goal: a segment's lookup under this at the 95th percentile. */
export const GLOSSARY_GOAL_P95_MS = 20;

export interface GlossaryBenchOptions {
  db?: Db;
  /** Terms seeded (100,000 by default). */
  terms?: number;
  /** Segments looked up one at a time (1,000 by default). */
  lookups?: number;
  seed?: number;
}

export interface GlossaryBenchFigures {
  glossary_terms: number;
  glossary_translations: number;
  glossary_p50_ms: number;
  glossary_p95_ms: number;
  glossary_goal_p95_ms: number;
  /** Terms found per segment, on average. */
  hits_per_segment: number;
  /** A chunk of 100 segments in one call (the editor's request). */
  chunk_100_p50_ms: number;
  chunk_100_p95_ms: number;
  /** The same single-segment lookups without the first-stem index. */
  without_index_p50_ms: number;
  without_index_p95_ms: number;
  lookups: number;
  seed_seconds: number;
  /** The machine's load when the lookups ended (other processes share its cores). */
  load_average: number;
}

const CONSONANTS = [...'бвгдзклмнпрстфхчшж'];
const VOWELS = [...'аоуиеы'];
const STOP_WORDS = ['и', 'в', 'на', 'с', 'по', 'не', 'что', 'к', 'о', 'из', 'за', 'от', 'для', 'но', 'как', 'это', 'все', 'при'];
const NOUN_ENDINGS = ['', 'а', 'у', 'ом', 'е', 'ы', 'ов', 'ам', 'ами', 'ах'];
const ADJECTIVE_ENDINGS = ['ый', 'ого', 'ому', 'ым', 'ом', 'ая', 'ой', 'ую', 'ые', 'ых'];
const EN_CONSONANTS = [...'bcdfghklmnprstvw'];
const EN_VOWELS = [...'aeiou'];
const STATUSES = ['PREFERRED', 'ADMITTED', 'FORBIDDEN'] as const;

/** Made-up words and the terms and segments built of them, all drawn from one seeded generator. */
class Vocabulary {
  /** Nouns the glossary's terms are made of, and the language's other nouns (texts use both). */
  readonly termNouns: string[];
  readonly otherNouns: string[];
  readonly adjectives: string[];
  private readonly next: () => number;

  constructor(seed: number, terms: number) {
    this.next = mulberry32(seed);
    const roots = new Set<string>();
    // Nouns for the terms (their single nouns alone are over half of them), as many for the rest
    // of the language, and a fifth as many adjectives ("-н-ый").
    const nouns = Math.max(1000, Math.round(terms * 0.7));
    while (roots.size < nouns * 2.4) roots.add(this.root());
    const all = [...roots];
    this.termNouns = all.slice(0, nouns);
    this.otherNouns = all.slice(nouns, nouns * 2);
    this.adjectives = all.slice(nouns * 2).map((root) => `${root}н`);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An adjective with a skew: the first few start hundreds of terms. */
  skewedAdjective(): string {
    return this.adjectives[Math.floor(this.adjectives.length * this.next() ** 2)] as string;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  between(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  /** A term: a noun, an adjective and a noun, or those and a noun in the genitive; now and then an abbreviation with dots. */
  term(): string[] {
    const kind = this.next();
    if (kind < 0.02) return [Array.from({ length: this.between(2, 4) }, () => `${this.pick(CONSONANTS).toUpperCase()}.`).join('')];
    if (kind < 0.6) return [this.pick(this.termNouns)];
    if (kind < 0.9) return [this.skewedAdjective(), this.pick(this.termNouns)];
    return [this.skewedAdjective(), this.pick(this.termNouns), this.pick(this.termNouns)];
  }

  /** A term as written in the glossary (nominative; a genitive third word). */
  termText(words: string[]): string {
    if (words.length === 1) return words[0] as string;
    const [adjective, noun, genitive] = words;
    return [`${adjective}ый`, noun, ...(genitive ? [`${genitive}а`] : [])].join(' ');
  }

  /** The term in some case, as a text has it. */
  inflected(words: string[]): string {
    if (words.length === 1) return (words[0] as string).includes('.') ? (words[0] as string) : `${words[0]}${this.pick(NOUN_ENDINGS)}`;
    const [adjective, noun, genitive] = words;
    const at = this.between(0, 4);
    return [`${adjective}${ADJECTIVE_ENDINGS[at]}`, `${noun}${NOUN_ENDINGS[at]}`, ...(genitive ? [`${genitive}а`] : [])].join(' ');
  }

  /** One to three English translations of a term, each of as many made-up words. */
  translations(words: number): string[] {
    const count = this.chance(0.5) ? 1 : this.between(2, 3);
    const translations = new Set<string>();
    while (translations.size < count) translations.add(Array.from({ length: words }, () => this.englishWord()).join(' '));
    return [...translations];
  }

  /**
   * A segment's original: stop words, adjectives (which start many terms) and nouns in any case
   * (one in five of the glossary's vocabulary, which may be a term of its own) around one to
   * three terms.
   */
  segment(terms: readonly string[][]): string {
    const words: string[] = [];
    const length = this.between(12, 30);
    while (words.length < length) {
      const draw = this.next();
      if (draw < 0.35) words.push(this.pick(STOP_WORDS));
      else if (draw < 0.55) words.push(`${this.skewedAdjective()}${this.pick(ADJECTIVE_ENDINGS)}`);
      else words.push(`${this.pick(this.chance(0.2) ? this.termNouns : this.otherNouns)}${this.pick(NOUN_ENDINGS)}`);
    }
    for (let n = this.between(1, 3); n > 0; n -= 1) words.splice(this.between(0, words.length), 0, this.inflected(this.pick(terms)));
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  }

  private root(): string {
    const syllables = this.between(2, 3);
    let root = '';
    for (let s = 0; s < syllables; s += 1) root += this.pick(CONSONANTS) + this.pick(VOWELS);
    return root + this.pick(CONSONANTS);
  }

  private englishWord(): string {
    let word = '';
    for (let s = this.between(1, 3); s > 0; s -= 1) word += this.pick(EN_CONSONANTS) + this.pick(EN_VOWELS);
    return word + this.pick(EN_CONSONANTS);
  }
}

/**
 * Seeds a collection's glossary with `terms` Russian → English terms (bulk SQL, stems by the
 * glossary's triggers), then times `findGlossaryHits` on generated segments. Leaves the collection
 * in place (its database is the caller's).
 */
export async function benchGlossary({ db = getDb(), terms = 100_000, lookups = 1000, seed = 11 }: GlossaryBenchOptions = {}): Promise<GlossaryBenchFigures> {
  const vocabulary = new Vocabulary(seed, terms);
  const seeded = performance.now();
  const collection = await db.collection.create({ data: { title: 'Glossary benchmark', slug: `glossary-bench-${uuidv7Batch(1)[0]}` }, select: { id: true } });
  const termWords: string[][] = [];
  const seen = new Set<string>();
  let translationCount = 0;
  const BATCH = 5000;
  while (termWords.length < terms) {
    const batch: { words: string[]; text: string; translations: string[] }[] = [];
    while (batch.length < BATCH && termWords.length + batch.length < terms) {
      const words = vocabulary.term();
      const text = vocabulary.termText(words);
      if (seen.has(text.toLowerCase())) continue;
      seen.add(text.toLowerCase());
      batch.push({ words, text, translations: vocabulary.translations(words.length) });
    }
    const ids = uuidv7Batch(batch.length);
    await withTransaction(db, async (tx) => {
      await tx.$executeRaw`
        INSERT INTO glossary_term (id, collection_id, source_language, target_language, text, part_of_speech, state)
        SELECT u.id, ${collection.id}::uuid, 'ru', 'en', u.text, 'NOUN', 'APPROVED' FROM unnest(${ids}::uuid[], ${batch.map((entry) => entry.text)}::text[]) AS u(id, text)`;
      const rows = batch.flatMap((entry, index) => entry.translations.map((text, n) => ({ termId: ids[index] as string, text, usage: STATUSES[Math.min(n, 2)] as string })));
      translationCount += rows.length;
      await tx.$executeRaw`
        INSERT INTO glossary_translation (id, term_id, text, usage, state)
        SELECT u.id, u.term_id, u.text, u.usage::"GlossaryUsage", 'APPROVED'
          FROM unnest(${uuidv7Batch(rows.length)}::uuid[], ${rows.map((row) => row.termId)}::uuid[], ${rows.map((row) => row.text)}::text[], ${rows.map((row) => row.usage)}::text[]) AS u(id, term_id, text, usage)`;
    });
    termWords.push(...batch.map((entry) => entry.words));
  }
  await db.$executeRawUnsafe('VACUUM ANALYZE glossary_term');
  await db.$executeRawUnsafe('VACUUM ANALYZE glossary_translation');
  const seedSeconds = round((performance.now() - seeded) / 1000);

  const segments = Array.from({ length: lookups }, () => vocabulary.segment(termWords));
  const lookup = (texts: string[]) => findGlossaryHits(db, { collectionId: collection.id, sourceLanguage: 'ru', targetLanguage: 'en', texts });
  let found = 0;
  const single = summarize(await timeSamples(segments, async (text) => (found += (await lookup([text]))[0]?.length ?? 0), { warmUp: 20 }));
  const chunks = Array.from({ length: 20 }, (_, chunk) => segments.slice((chunk * 100) % segments.length).concat(segments).slice(0, 100));
  const chunk = await timeEach(chunks, (texts) => lookup(texts), { warmUp: 2 });
  // The baseline: the planner kept from the first-stem index (and every index of the table's
  // terms), so each lookup reads the pair's terms and tests their stems.
  const baselineSegments = segments.slice(0, Math.min(50, segments.length));
  const withoutIndex = summarize(
    await timeSamples(baselineSegments, (text) =>
      withTransaction(db, async (tx) => {
        await tx.$executeRawUnsafe('SET LOCAL enable_indexscan = off');
        await tx.$executeRawUnsafe('SET LOCAL enable_bitmapscan = off');
        return findGlossaryHits(tx, { collectionId: collection.id, sourceLanguage: 'ru', targetLanguage: 'en', texts: [text] });
      }),
    ),
  );
  return {
    glossary_terms: termWords.length,
    glossary_translations: translationCount,
    glossary_p50_ms: single.p50,
    glossary_p95_ms: single.p95,
    glossary_goal_p95_ms: GLOSSARY_GOAL_P95_MS,
    hits_per_segment: round(found / segments.length),
    chunk_100_p50_ms: chunk.p50,
    chunk_100_p95_ms: chunk.p95,
    without_index_p50_ms: withoutIndex.p50,
    without_index_p95_ms: withoutIndex.p95,
    lookups: segments.length,
    seed_seconds: seedSeconds,
    load_average: round(loadavg()[0] ?? 0),
  };
}

async function main() {
  const terms = Number(/^--terms=(\d+)$/u.exec(process.argv.find((arg) => arg.startsWith('--terms=')) ?? '')?.[1] ?? 100_000);
  const server = await openTestServer();
  const database = await createScratchDatabase(server.url, { prefix: 'interlinear_bench' });
  process.env.DATABASE_URL = database.url;
  try {
    const figures = await benchGlossary({ terms });
    console.log(`${figures.glossary_terms} terms, ${figures.glossary_translations} translations (seeded in ${figures.seed_seconds} s); ${figures.hits_per_segment} terms found per segment`);
    console.log(`one segment: p50 ${figures.glossary_p50_ms} ms, p95 ${figures.glossary_p95_ms} ms over ${figures.lookups} segments (goal p95 < ${GLOSSARY_GOAL_P95_MS} ms: ${figures.glossary_p95_ms < GLOSSARY_GOAL_P95_MS ? 'met' : 'MISSED'})`);
    console.log(`100 segments at once: p50 ${figures.chunk_100_p50_ms} ms, p95 ${figures.chunk_100_p95_ms} ms; one segment without the first-stem index: p50 ${figures.without_index_p50_ms} ms, p95 ${figures.without_index_p95_ms} ms`);
    console.log(JSON.stringify(figures));
  } finally {
    await disconnectDb();
    await database.drop();
    await server.stop();
  }
}

// Run as a script (npm run bench:glossary); imported by other benchmarks, it only exports.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
