/**
 * npm run bench:names — the name authority at 5,000 confirmed names (docs/names.md): made-up
 * Russian persons, each with its Russian and English preferred forms and its transliterations
 * (about 35,000 forms), and two works of made-up sentences mentioning them, one in Russian
 * (names inflected) and one in English (possessives, transliterated spellings). Times the first
 * scan of every text, `findNameMentions` on one segment (Russian and English, what a quality
 * check of one segment costs) and on 100 at once, a page of the index and a name's page (anonymous
 * readers: the index is brought up to date first, with nothing queued), and a name's page right
 * after a revision of a text that mentions it (the scan of that one text included); and, as the
 * floor of a lookup (one statement), a query that does nothing.
 * Prints a line of figures, then a JSON line with them last.
 */
import { timeEach, round } from './timing';
import { ANONYMOUS, SYSTEM_ACTOR } from '../lib/auth/permissions';
import { disconnectDb, getDb } from '../lib/db/client';
import { uuidv7Batch } from '../lib/db/uuid';
import { importWork } from '../lib/import/import-work';
import { findNameIndex } from '../lib/names/find-name-index';
import { findNameMentions } from '../lib/names/find-name-mentions';
import { getNamePage } from '../lib/names/get-name-page';
import { buildNameFormRows, insertNameForms, nameLabel } from '../lib/names/name-forms';
import { refreshNameMentions } from '../lib/names/refresh-name-mentions';
import { nameIndexQuerySchema, namePageQuerySchema } from '../lib/names/schemas';
import { transliterateName } from '../lib/names/transliterate-name';
import { writeRevision } from '../lib/revision/write-revision';
import { createScratchDatabase, openTestServer } from '../test/helpers/db';
import { buildCollection } from '../test/helpers/factories';
import { mulberry32 } from '../test/helpers/random';

const NAMES = Number(process.env.BENCH_NAMES ?? 5_000);
const SENTENCES = 3_000;
const RUNS = 200;
const GOAL_MENTION_MS = 10;

const SYLLABLES = ['ка', 'ме', 'ни', 'ло', 'ра', 'ти', 'со', 'ву', 'ше', 'за', 'до', 'пе', 'ру', 'бо', 'ле', 'ми', 'на', 'го', 'ба', 'ше', 'ту', 'ры', 'жи', 'ко'];
/** Surname endings with their genitive and instrumental (the texts inflect them). */
const ENDINGS = [
  { nominative: 'ов', genitive: 'ова', instrumental: 'овым' },
  { nominative: 'ев', genitive: 'ева', instrumental: 'евым' },
  { nominative: 'ин', genitive: 'ина', instrumental: 'иным' },
  { nominative: 'ский', genitive: 'ского', instrumental: 'ским' },
];
const GIVEN = ['Иван', 'Пётр', 'Григорий', 'Николай', 'Алексей', 'Сергей', 'Михаил', 'Лев', 'Андрей', 'Фёдор', 'Яков', 'Борис'];
const WORDS_RU = ['письмо', 'пришло', 'вчера', 'из', 'города', 'и', 'ответ', 'был', 'короткий', 'товарищ', 'сказал', 'что', 'работа', 'идёт'];
const WORDS_EN = ['the', 'letter', 'came', 'yesterday', 'from', 'town', 'and', 'answer', 'was', 'short', 'comrade', 'said', 'that', 'work', 'goes'];

interface MadeUpName {
  given: string;
  stem: string;
  ending: (typeof ENDINGS)[number];
}

function madeUpNames(next: () => number): MadeUpName[] {
  const seen = new Set<string>();
  const names: MadeUpName[] = [];
  while (names.length < NAMES) {
    const stem = Array.from({ length: 2 + Math.floor(next() * 2) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join('');
    const ending = ENDINGS[Math.floor(next() * ENDINGS.length)] as MadeUpName['ending'];
    const surname = stem[0]?.toUpperCase() + stem.slice(1) + ending.nominative;
    if (seen.has(surname)) continue;
    seen.add(surname);
    names.push({ given: GIVEN[Math.floor(next() * GIVEN.length)] as string, stem: surname.slice(0, -ending.nominative.length), ending });
  }
  return names;
}

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
const filler = (next: () => number, words: readonly string[], count: number) => Array.from({ length: count }, () => pick(next, words)).join(' ');

async function main() {
  const server = await openTestServer();
  const database = await createScratchDatabase(server.url, { prefix: 'interlinear_bench' });
  process.env.DATABASE_URL = database.url;
  const db = getDb();
  const next = mulberry32(8);
  const started = performance.now();

  const collectionId = (await buildCollection('Names bench')).id;
  const names = madeUpNames(next);
  const ids = uuidv7Batch(names.length);
  for (let i = 0; i < names.length; i += 500) {
    const batch = names.slice(i, i + 500).map((name, j) => {
      const russian = `${name.given} ${name.stem}${name.ending.nominative}`;
      const english = transliterateName(russian).find((latin) => latin.systems.includes('WIKIPEDIA'))?.text ?? russian;
      return { nameId: ids[i + j] as string, collectionId, kind: 'PERSON' as const, forms: [
        { text: russian, language: 'ru', isPreferred: true, origin: 'EDITOR' as const },
        { text: english, language: 'en', isPreferred: true, origin: 'EDITOR' as const },
      ] };
    });
    const rows = await buildNameFormRows(db, batch);
    await db.$transaction(async (tx) => {
      await tx.nameEntry.createMany({ data: batch.map((name, j) => ({ id: name.nameId, collectionId, kind: 'PERSON', status: 'CONFIRMED', ...nameLabel(rows[j] ?? []) })) });
      await insertNameForms(tx, rows.flat());
    }, { timeout: 120_000 });
  }
  const forms = await db.nameForm.count({ where: { collectionId } });

  // Two works of made-up sentences, each naming one or two of the persons.
  const russianSentences: string[] = [];
  const englishSentences: string[] = [];
  for (let i = 0; i < SENTENCES; i += 1) {
    const a = pick(next, names);
    const b = pick(next, names);
    russianSentences.push(`Вчера ${a.given} ${a.stem}${a.ending.nominative} ${filler(next, WORDS_RU, 6)} для ${b.stem}${b.ending.genitive} и ${filler(next, WORDS_RU, 4)} с ${a.stem}${a.ending.instrumental}.`);
    const latin = (name: MadeUpName, system: string) => transliterateName(`${name.stem}${name.ending.nominative}`).find((t) => t.systems.includes(system as never))?.text ?? '';
    englishSentences.push(`Yesterday ${latin(a, 'WIKIPEDIA')}'s ${filler(next, WORDS_EN, 6)} for ${latin(b, i % 3 === 0 ? 'ALA_LC' : 'WIKIPEDIA')} and ${filler(next, WORDS_EN, 5)}.`);
  }
  const russianWork = await importWork({ actor: SYSTEM_ACTOR, file: { name: 'ru.txt', bytes: new TextEncoder().encode(russianSentences.join(' ')) }, collection: { id: collectionId }, metadata: { title: 'Письма', language: 'ru' }, cleanup: { isEnabled: false } });
  await importWork({ actor: SYSTEM_ACTOR, file: { name: 'en.txt', bytes: new TextEncoder().encode(englishSentences.join(' ')) }, collection: { id: collectionId }, metadata: { title: 'Letters', language: 'en' }, cleanup: { isEnabled: false } });
  const setupSeconds = (performance.now() - started) / 1000;

  const scanStarted = performance.now();
  let scanned = 0;
  for (;;) {
    const { scanned: count, pending } = await refreshNameMentions({ db, collectionId });
    scanned += count;
    if (pending === 0) break;
  }
  const scanSeconds = (performance.now() - scanStarted) / 1000;
  const mentionCount = await db.nameMention.count();
  // As autovacuum would have by the time readers come: the planner then knows the forms' heads.
  await db.$executeRaw`ANALYZE`;

  const oneRussian = Array.from({ length: RUNS }, () => pick(next, russianSentences));
  const oneEnglish = Array.from({ length: RUNS }, () => pick(next, englishSentences));
  // The floor: one round trip to the database that does nothing.
  const roundTrip = await timeEach(oneRussian, () => db.$queryRaw`SELECT 1`, { warmUp: 10 });
  const russianTimes = await timeEach(oneRussian, (text) => findNameMentions(db, { collectionId, language: 'ru', texts: [text] }), { warmUp: 10 });
  const englishTimes = await timeEach(oneEnglish, (text) => findNameMentions(db, { collectionId, language: 'en', texts: [text] }), { warmUp: 10 });
  const found = await findNameMentions(db, { collectionId, language: 'ru', texts: oneRussian.slice(0, 20) });
  const batches = Array.from({ length: 20 }, () => Array.from({ length: 100 }, () => pick(next, russianSentences)));
  const batchTimes = await timeEach(batches, (texts) => findNameMentions(db, { collectionId, language: 'ru', texts }), { warmUp: 2 });

  const pages = Array.from({ length: 100 }, () => 1 + Math.floor(next() * Math.ceil(NAMES / 50)));
  const indexTimes = await timeEach(pages, (page) => findNameIndex({ actor: ANONYMOUS, query: nameIndexQuerySchema.parse({ collectionId, page }) }), { warmUp: 5 });
  const mentioned = (await db.$queryRaw<{ name_id: string }[]>`SELECT DISTINCT name_id FROM name_mention LIMIT 500`).map((row) => row.name_id);
  const namePages = Array.from({ length: 100 }, () => pick(next, mentioned));
  const namePageTimes = await timeEach(namePages, (nameId) => getNamePage({ actor: ANONYMOUS, query: namePageQuerySchema.parse({ collectionId, nameId }) }), { warmUp: 5 });

  // A revision of a text naming someone, then that name's page (which scans the revised text first).
  const revised = await db.$queryRaw<{ segment_id: string; revision_id: string; name_id: string; text: string }[]>`
    SELECT DISTINCT ON (m.segment_id) m.segment_id, st.published_revision_id AS revision_id, m.name_id, r.text
      FROM name_mention m JOIN segment_text st ON st.segment_id = m.segment_id AND st.language = m.language JOIN revision r ON r.id = st.published_revision_id
      JOIN segment s ON s.id = m.segment_id WHERE s.work_id = ${russianWork.workId}::uuid LIMIT 50`;
  const afterRevision = await timeEach(revised, async (row) => {
    await db.$transaction((tx) => writeRevision({ tx, segmentId: row.segment_id, language: 'ru', text: `${row.text} Конец.`, origin: 'EDIT', authorId: null, expectedRevisionId: row.revision_id }), { timeout: 60_000 });
    await getNamePage({ actor: ANONYMOUS, query: namePageQuerySchema.parse({ collectionId, nameId: row.name_id }) });
  });

  const figures = {
    names: NAMES,
    forms,
    texts: scanned,
    mentions: mentionCount,
    mentions_per_sentence: round(found.flat().length / 20),
    setup_s: round(setupSeconds),
    first_scan_s: round(scanSeconds),
    mention_p50_ms: Math.max(russianTimes.p50, englishTimes.p50),
    mention_p95_ms: Math.max(russianTimes.p95, englishTimes.p95),
    mention_ru_p95_ms: russianTimes.p95,
    mention_en_p95_ms: englishTimes.p95,
    mention_100_texts_p95_ms: batchTimes.p95,
    round_trip_p50_ms: roundTrip.p50,
    round_trip_p95_ms: roundTrip.p95,
    index_page_p50_ms: indexTimes.p50,
    index_page_p95_ms: indexTimes.p95,
    name_page_p95_ms: namePageTimes.p95,
    revision_then_name_page_p95_ms: afterRevision.p95,
  };
  console.log(`${NAMES} names (${forms} forms), ${scanned} texts scanned in ${figures.first_scan_s} s (${mentionCount} mentions); setup ${figures.setup_s} s`);
  console.log(`findNameMentions, one segment: ru p50 ${russianTimes.p50} / p95 ${russianTimes.p95} ms, en p50 ${englishTimes.p50} / p95 ${englishTimes.p95} ms (goal p95 < ${GOAL_MENTION_MS} ms: ${figures.mention_p95_ms < GOAL_MENTION_MS ? 'met' : 'MISSED'}); 100 segments p95 ${batchTimes.p95} ms; an empty query p50 ${roundTrip.p50} / p95 ${roundTrip.p95} ms`);
  console.log(`index page p50 ${indexTimes.p50} / p95 ${indexTimes.p95} ms; name page p95 ${namePageTimes.p95} ms; a revision then the name's page p95 ${afterRevision.p95} ms`);
  console.log(JSON.stringify(figures));
  await disconnectDb();
  await database.drop();
  await server.stop();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
