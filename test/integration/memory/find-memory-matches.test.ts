import { beforeAll, describe, expect, it } from 'vitest';

import { GET } from '../../../app/api/works/[workId]/memory/route';
import { SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { ANONYMOUS } from '../../../lib/auth/permissions';
import { getDb, withTransaction } from '../../../lib/db/client';
import { importAlignedTranslation } from '../../../lib/import/import-aligned-translation';
import { importWork } from '../../../lib/import/import-work';
import { reimportWork } from '../../../lib/import/reimport-work';
import { findMemoryMatches } from '../../../lib/memory/find-memory-matches';
import { lookupMemory } from '../../../lib/memory/lookup-memory';
import { memoryQuerySchema } from '../../../lib/memory/schemas';
import type { MemoryMatches } from '../../../lib/memory/types';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { rejectSuggestion } from '../../../lib/review/decide-suggestion';
import { revertToRevision } from '../../../lib/review/revision-history';
import { writeRevision } from '../../../lib/revision/write-revision';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, buildWork } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';
import { headedPages } from '../../helpers/scanned-pages';

const ORIGINAL = '# Evenings\n\nThe miners read the pamphlets in the twilight. A miner reads the pamphlet quietly to the others. The sailors waited in silence. Everyone waited.\n';
const TRANSLATION = '# Вечера\n\nРабочие читали брошюры по вечерам. Рабочий читает брошюру вслух остальным. Крестьяне слушали молча. Никто не говорил.\n';
// The same first sentence elsewhere (other neighbours), a variant of it, and a sentence like none.
const OTHER = '# Mornings\n\nThe factory was quiet. The miners read the pamphlets in the twilight. The miners read the pamphlet in the morning. A cat crossed the empty yard slowly.\n';
// The second sentence with the same neighbours as in the original: an in-context exact match.
const SAME_CONTEXT = '# Again\n\nThe miners read the pamphlets in the twilight. A miner reads the pamphlet quietly to the others. The sailors waited in silence.\n';

async function sentences(workId: string): Promise<{ id: string; text: string }[]> {
  const rows = await getDb().segment.findMany({
    where: { workId, kind: 'SENTENCE', retiredAt: null },
    orderBy: { orderKey: 'asc' },
    select: { id: true, texts: { where: { language: 'en' }, select: { publishedRevision: { select: { text: true } } } } },
  });
  return rows.map((row) => ({ id: row.id, text: row.texts[0]?.publishedRevision?.text ?? '' }));
}

async function segmentOf(workId: string, text: string): Promise<string> {
  const found = (await sentences(workId)).find((row) => row.text === text);
  if (!found) throw new Error(`no sentence “${text}”`);
  return found.id;
}

describe('translation memory', () => {
  let collectionId: string;
  let original: string;
  let other: string;
  let sameContext: string;
  let volunteer: { id: string; actor: Actor };

  const lookup = (workId: string, segment: string, actor: Actor = SYSTEM_ACTOR, min?: number): Promise<MemoryMatches> =>
    findMemoryMatches({ actor, input: memoryQuerySchema.parse({ workId, segment, lang: 'ru', ...(min === undefined ? {} : { min }) }) });

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    original = (await buildWork({ collectionId, text: ORIGINAL, title: 'Evenings', filename: 'twilights.md' })).workId;
    await importAlignedTranslation({ actor: SYSTEM_ACTOR, workId: original, file: { name: 'ru.md', bytes: new TextEncoder().encode(TRANSLATION) }, provenance: { language: 'ru', translator: 'Maria Translator' } });
    other = (await buildWork({ collectionId, text: OTHER, title: 'Mornings', filename: 'mornings.md' })).workId;
    sameContext = (await buildWork({ collectionId, text: SAME_CONTEXT, title: 'Again', filename: 'again.md' })).workId;
    volunteer = await buildUser({ name: 'Vera Volunteer' });
  });

  it('finds the exact match with its provenance, and a fuzzy variant with a lower percentage and a word diff', async () => {
    const exact = await lookup(other, await segmentOf(other, 'The miners read the pamphlets in the twilight.'));
    expect(exact.sourceText).toBe('The miners read the pamphlets in the twilight.');
    expect(exact.matches).toHaveLength(1);
    expect(exact.matches[0]).toMatchObject({
      percent: 100,
      isInContext: false,
      sourceText: 'The miners read the pamphlets in the twilight.',
      targetText: 'Рабочие читали брошюры по вечерам.',
      diff: [{ kind: 'equal', text: 'The miners read the pamphlets in the twilight.' }],
      provenance: { origin: 'LIBRARY', workId: original, workTitle: 'Evenings', translator: 'Maria Translator' },
    });

    const fuzzy = await lookup(other, await segmentOf(other, 'The miners read the pamphlet in the morning.'));
    // 9 tokens, 2 replaced: 100 × 7 / 9, rounded down.
    expect(fuzzy.matches.map((match) => [match.percent, match.targetText])).toEqual([[77, 'Рабочие читали брошюры по вечерам.']]);
    expect(fuzzy.matches[0]?.diff).toEqual([
      { kind: 'equal', text: 'The miners read the ' },
      { kind: 'delete', text: 'pamphlets' },
      { kind: 'insert', text: 'pamphlet' },
      { kind: 'equal', text: ' in the ' },
      { kind: 'delete', text: 'twilight' },
      { kind: 'insert', text: 'morning' },
      { kind: 'equal', text: '.' },
    ]);
    // Below the default threshold only when asked for; a sentence like none has no match at all.
    const unlike = await segmentOf(other, 'A cat crossed the empty yard slowly.');
    expect((await lookup(other, unlike)).matches).toEqual([]);
    expect((await lookup(other, unlike, SYSTEM_ACTOR, 50)).matches).toEqual([]);
  });

  it('marks the same sentence between the same neighbours as an in-context exact match, ranked first', async () => {
    const segment = await segmentOf(sameContext, 'A miner reads the pamphlet quietly to the others.');
    const result = await lookup(sameContext, segment);
    expect(result.matches[0]).toMatchObject({ percent: 100, isInContext: true, targetText: 'Рабочий читает брошюру вслух остальным.' });
    // The last sentence has another next neighbour here (none) than in the original: exact, not in context.
    const last = await lookup(sameContext, await segmentOf(sameContext, 'The sailors waited in silence.'));
    expect(last.matches[0]).toMatchObject({ percent: 100, isInContext: false, targetText: 'Крестьяне слушали молча.' });
    // A segment's own published translation is no match for itself.
    expect((await lookup(original, await segmentOf(original, 'Everyone waited.'))).matches).toEqual([]);
  });

  it('follows approvals and reverts in the same transaction', async () => {
    const source = await segmentOf(original, 'The sailors waited in silence.');
    const target = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId: source, language: 'ru' } }, select: { publishedRevisionId: true } });
    const asking = await segmentOf(sameContext, 'The sailors waited in silence.');
    await createSuggestion({ actor: SYSTEM_ACTOR, input: { segmentId: source, language: 'ru', text: 'Крестьяне слушали в тишине.', baseRevisionId: target.publishedRevisionId, publish: true } });
    expect((await lookup(sameContext, asking)).matches.map((match) => match.targetText)).toEqual(['Крестьяне слушали в тишине.']);

    const current = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId: source, language: 'ru' } }, select: { publishedRevisionId: true } });
    await revertToRevision({ actor: SYSTEM_ACTOR, input: { segmentId: source, language: 'ru', revisionId: target.publishedRevisionId ?? '', expectedRevisionId: current.publishedRevisionId } });
    expect((await lookup(sameContext, asking)).matches.map((match) => match.targetText)).toEqual(['Крестьяне слушали молча.']);
  });

  it('never offers a retired segment’s translation, nor a text only suggested', async () => {
    const source = await segmentOf(original, 'The miners read the pamphlets in the twilight.');
    const asking = await segmentOf(other, 'The miners read the pamphlets in the twilight.');
    await getDb().segment.update({ where: { id: source }, data: { retiredAt: new Date() } });
    expect((await lookup(other, asking)).matches).toEqual([]);
    expect(await getDb().memoryUnit.count({ where: { segmentId: source } })).toBe(0);
    await getDb().segment.update({ where: { id: source }, data: { retiredAt: null } });
    expect((await lookup(other, asking)).matches.map((match) => match.percent)).toEqual([100]);

    // A suggestion awaiting review (or declined) is not published: no unit, no match.
    const factory = await segmentOf(other, 'The factory was quiet.');
    await getDb().workLanguage.create({ data: { workId: other, language: 'ru' } });
    const pending = await createSuggestion({ actor: volunteer.actor, input: { segmentId: factory, language: 'ru', text: 'На фабрике было тихо.', baseRevisionId: null } });
    expect(await getDb().memoryUnit.count({ where: { segmentId: factory } })).toBe(0);
    await rejectSuggestion({ actor: SYSTEM_ACTOR, input: { suggestionId: pending.suggestionId, reason: 'MEANING' } });
    expect(await getDb().memoryUnit.count({ where: { segmentId: factory } })).toBe(0);
    expect((await lookup(original, await segmentOf(original, 'The miners read the pamphlets in the twilight.'), SYSTEM_ACTOR, 50)).matches).toEqual([]);
    expect((await lookup(sameContext, await segmentOf(sameContext, 'The miners read the pamphlets in the twilight.'))).matches.map((match) => match.targetText)).toEqual(['Рабочие читали брошюры по вечерам.']);
  });

  it('offers imported units with the file they came from', async () => {
    await getDb().$executeRaw`
      INSERT INTO memory_unit (id, origin, source_language, target_language, source_text, target_text, exact_key, bands, collection_id, imported_file, translator, translated_at)
      VALUES (gen_random_uuid(), 'IMPORTED', 'en', 'ru', 'A cat crossed the empty yard.', 'Кошка перешла пустой двор.', memory_exact_key('A cat crossed the empty yard.'),
              memory_bands(interlinear_search_config('en'), 'en>ru', 'A cat crossed the empty yard.'), ${collectionId}::uuid, 'cats.tmx', 'Ivan Imported', '2020-05-01T00:00:00Z')`;
    const result = await lookup(other, await segmentOf(other, 'A cat crossed the empty yard slowly.'));
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]).toMatchObject({ percent: 87, targetText: 'Кошка перешла пустой двор.', provenance: { origin: 'IMPORTED', file: 'cats.tmx', translator: 'Ivan Imported', date: '2020-05-01T00:00:00.000Z' } });
    // Looked up for a sentence of no segment (as a memory import or a benchmark would), too.
    const bare = await lookupMemory(getDb(), { sourceLanguage: 'en', targetLanguage: 'ru', text: 'A cat crossed the empty yard.', collectionIds: 'all', minPercent: 75, limit: 5 });
    expect(bare.map((match) => [match.percent, match.provenance.origin])).toEqual([[100, 'IMPORTED']]);
    // Imported units of a collection the reader may not read are left out.
    expect(await lookupMemory(getDb(), { sourceLanguage: 'en', targetLanguage: 'ru', text: 'A cat crossed the empty yard.', collectionIds: [], minPercent: 75, limit: 5 })).toEqual([]);
  });

  it('answers over HTTP to those who may translate, and refuses the rest', async () => {
    const segment = await segmentOf(other, 'The miners read the pamphlets in the twilight.');
    const url = (query: string) => `/api/works/${other}/memory?${query}`;
    expect((await callRoute(GET, url(`segment=${segment}&lang=ru`), { params: { workId: other } })).status).toBe(401);
    const cookie = await sessionCookie(volunteer.id);
    const ok = await callRoute(GET, url(`segment=${segment}&lang=ru`), { params: { workId: other }, cookie });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as MemoryMatches;
    expect(body.matches.map((match) => [match.percent, match.provenance.origin])).toEqual([[100, 'LIBRARY']]);
    // A segment of another work, the source language, hostile input.
    expect((await callRoute(GET, url(`segment=${segment}&lang=ru`), { params: { workId: original }, cookie })).status).toBe(404);
    expect((await callRoute(GET, url(`segment=${segment}&lang=en`), { params: { workId: other }, cookie })).status).toBe(422);
    expect((await callRoute(GET, url(`segment=x'--&lang=ru`), { params: { workId: other }, cookie })).status).toBe(422);
    expect((await callRoute(GET, url(`segment=${segment}&lang=ru&min=10`), { params: { workId: other }, cookie })).status).toBe(422);
    expect(await errorCodeOf(lookup(other, segment, ANONYMOUS))).toBe('UNAUTHENTICATED');
  });
});

describe('translation memory and re-imports', () => {
  it('drops the units of segments a re-import retires and brings them back when it restores them', async () => {
    const collectionId = (await buildCollection()).id;
    const imported = await importWork({
      actor: SYSTEM_ACTOR,
      file: { name: 'scan.txt', bytes: new TextEncoder().encode(headedPages()) },
      collection: { id: collectionId },
      metadata: { title: 'Bridges', language: 'en' },
      cleanup: { rules: { 'running-headers': true } },
    });
    const workId = imported.workId;
    await getDb().workLanguage.create({ data: { workId, language: 'fr' } });
    // Headers off: the running headers come back as headings; one is translated.
    await reimportWork({ actor: SYSTEM_ACTOR, workId, rules: { rules: { 'running-headers': false } } });
    const heading = await getDb().segment.findFirstOrThrow({
      where: { workId, kind: 'HEADING', retiredAt: null, texts: { some: { language: 'en', publishedRevision: { text: 'A HISTORY OF BRIDGES 12' } } } },
      select: { id: true, texts: { where: { language: 'en' }, select: { publishedRevisionId: true } } },
    });
    await withTransaction(getDb(), (tx) =>
      writeRevision({ tx, segmentId: heading.id, language: 'fr', text: 'UNE HISTOIRE DES PONTS 12', origin: 'EDIT', authorId: null, expectedRevisionId: null, fields: { sourceRevisionId: heading.texts[0]?.publishedRevisionId ?? null } }),
    );
    const units = () => getDb().memoryUnit.findMany({ where: { workId }, select: { segmentId: true, sourceText: true, targetText: true } });
    expect(await units()).toEqual([{ segmentId: heading.id, sourceText: 'A HISTORY OF BRIDGES 12', targetText: 'UNE HISTOIRE DES PONTS 12' }]);

    // Headers on again: the heading is retired, and so is its unit, in the re-import's transaction.
    await reimportWork({ actor: SYSTEM_ACTOR, workId, rules: { rules: { 'running-headers': true } } });
    expect(await units()).toEqual([]);
    // Off again: restored, with its translation.
    await reimportWork({ actor: SYSTEM_ACTOR, workId, rules: { rules: { 'running-headers': false } } });
    expect(await units()).toEqual([{ segmentId: heading.id, sourceText: 'A HISTORY OF BRIDGES 12', targetText: 'UNE HISTOIRE DES PONTS 12' }]);
  });
});

describe('memory candidate keys (memory_bands, memory_exact_key)', () => {
  const bands = async (language: string, pair: string, text: string): Promise<number[]> =>
    (await getDb().$queryRaw<{ bands: number[] }[]>`SELECT memory_bands(interlinear_search_config(${language}), ${pair}, ${text}) AS bands`)[0]?.bands ?? [];
  const shared = (a: number[], b: number[]) => a.filter((band) => b.includes(band)).length;

  it('gives 16 bands to a sentence, the same to the same content words in any order or inflection', async () => {
    const base = await bands('en', 'en>ru', 'The miners read the pamphlets in the twilight.');
    expect(base).toHaveLength(16);
    expect(await bands('en', 'en>ru', 'In the twilight the miner reads a pamphlet!')).toEqual(base);
    // One content word of four replaced: most bands still shared; another sentence: none.
    const near = await bands('en', 'en>ru', 'The miners read the pamphlets in the morning.');
    expect(shared(base, near)).toBeGreaterThan(0);
    expect(shared(base, near)).toBeLessThan(16);
    expect(shared(base, await bands('en', 'en>ru', 'A cat crossed the empty yard slowly.'))).toBe(0);
    // Keyed by language pair: the same sentence towards another language shares nothing.
    expect(shared(base, await bands('en', 'en>fr', 'The miners read the pamphlets in the twilight.'))).toBe(0);
    // Stop words only: no fuzzy keys (exact matches only); Russian stems its own words.
    expect(await bands('en', 'en>ru', 'He was with her.')).toEqual([]);
    expect(await bands('ru', 'ru>en', 'Рабочие читали брошюры.')).toEqual(await bands('ru', 'ru>en', 'Рабочий читает брошюру.'));
  });

  it('keys exact matches by the lower-cased source with white space collapsed', async () => {
    const [row] = await getDb().$queryRaw<{ same: boolean; other: boolean }[]>`
      SELECT memory_exact_key('The miners  read.') = memory_exact_key(' the miners read. ') AS same,
             memory_exact_key('The miners read.') = memory_exact_key('The miners read!') AS other`;
    expect(row).toEqual({ same: true, other: false });
  });
});
