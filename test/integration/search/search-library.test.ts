import { beforeAll, describe, expect, it } from 'vitest';

import { ANONYMOUS, SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { SEARCH_RATE_LIMIT } from '../../../lib/config/limits';
import { getDb } from '../../../lib/db/client';
import { importAlignedTranslation } from '../../../lib/import/import-aligned-translation';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { revertToRevision } from '../../../lib/review/revision-history';
import { searchInputSchema } from '../../../lib/search/schemas';
import { searchLibrary, type SearchResults } from '../../../lib/search/search-library';
import { uniqueAddress } from '../../helpers/addresses';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildWork } from '../../helpers/factories';

const WORK = '# On Questions of Method\n\nThe workers read the newspapers. A worker reads the newspaper aloud.\n\nThe peasants listened in silence. Nobody spoke.\n';
const TRANSLATION = '# О вопросах метода\n\nРабочие читают газеты. Рабочий читает газету вслух.\n\nКрестьяне слушали молча. Никто не говорил.\n';

const search = (fields: Record<string, string>, clientAddress = uniqueAddress()): Promise<SearchResults> => searchLibrary({ actor: ANONYMOUS, input: searchInputSchema.parse(fields), clientAddress });
const texts = (results: SearchResults) => results.hits.map((hit) => hit.snippet.map((part) => part.text).join(''));
const matched = (results: SearchResults) => results.hits.flatMap((hit) => hit.snippet.filter((part) => part.isMatch).map((part) => part.text));

describe('library search', () => {
  let collectionId: string;
  let workId: string;
  let otherWorkId: string;

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    workId = (await buildWork({ collectionId, text: WORK, title: 'Method', filename: 'method.md' })).workId;
    await getDb().work.update({ where: { id: workId }, data: { author: 'A. Writer', dateText: 'March 1926' } });
    await importAlignedTranslation({ actor: SYSTEM_ACTOR, workId, file: { name: 'ru.md', bytes: new TextEncoder().encode(TRANSLATION) }, provenance: { language: 'ru' } });
    otherWorkId = (await buildWork({ collectionId, text: '# Elsewhere\n\nA worker wrote to the newspaper in 1930.\n', title: 'Elsewhere', filename: 'other.md' })).workId;
    await getDb().work.update({ where: { id: otherWorkId }, data: { author: 'B. Other', dateText: '1930' } });
  });

  it('finds words in any inflected form, by each language’s own stemming', async () => {
    const english = await search({ q: 'newspapers', collection: collectionId });
    expect(texts(english)).toEqual(expect.arrayContaining(['The workers read the newspapers.', 'A worker reads the newspaper aloud.', 'A worker wrote to the newspaper in 1930.']));
    expect(english.total).toBe(3);
    expect(matched(english)).toEqual(expect.arrayContaining(['newspapers', 'newspaper']));
    // «газеты», «газету»: one Russian stem.
    const russian = await search({ q: 'газета', collection: collectionId });
    expect(texts(russian).sort()).toEqual(['Рабочие читают газеты.', 'Рабочий читает газету вслух.']);
    expect(russian.hits.every((hit) => hit.language === 'ru' && hit.work.id === workId)).toBe(true);
  });

  it('takes phrases, prefixes, alternatives and exclusions', async () => {
    // A phrase's words stand together (after stemming: "worker reads" is also "workers read").
    expect(texts(await search({ q: 'newspaper aloud', collection: collectionId }))).toEqual(['A worker reads the newspaper aloud.']);
    expect(texts(await search({ q: 'read aloud', collection: collectionId }))).toEqual(['A worker reads the newspaper aloud.']);
    expect((await search({ q: '"read aloud"', collection: collectionId })).total).toBe(0);
    expect(texts(await search({ q: '"worker reads"', collection: collectionId })).sort()).toEqual(['A worker reads the newspaper aloud.', 'The workers read the newspapers.']);
    expect(texts(await search({ q: 'peas*', collection: collectionId }))).toEqual(['The peasants listened in silence.']);
    expect(texts(await search({ q: 'крестьян* or никто', collection: collectionId })).sort()).toEqual(['Крестьяне слушали молча.', 'Никто не говорил.']);
    expect(texts(await search({ q: 'worker -aloud', collection: collectionId })).sort()).toEqual(['A worker wrote to the newspaper in 1930.', 'The workers read the newspapers.']);
    expect((await search({ q: '   ', collection: collectionId })).hits).toEqual([]);
    expect((await search({ q: '*', collection: collectionId })).hits).toEqual([]);
    // Stop words alone want nothing: excluding a word must not find every other text.
    for (const q of ['the -aloud', '"to the" -aloud', 'the* -aloud']) expect((await search({ q, collection: collectionId })).total, q).toBe(0);
    expect(texts(await search({ q: 'the -aloud or silence', collection: collectionId }))).toEqual(['The peasants listened in silence.']);
    // Nothing a reader types is an error: PostgreSQL's query syntax is never exposed.
    for (const q of ["'", '"unclosed', '!!& |(', 'a:*b', '\\', '-', 'or or']) await expect(search({ q, collection: collectionId })).resolves.toBeDefined();
  });

  it('filters by work, language, author and year, and links each hit to its work and volume', async () => {
    expect((await search({ q: 'worker', collection: collectionId, work: otherWorkId })).total).toBe(1);
    expect((await search({ q: 'worker', collection: collectionId, language: 'ru' })).total).toBe(0);
    expect((await search({ q: 'worker', collection: collectionId, author: 'writer' })).hits.every((hit) => hit.work.id === workId)).toBe(true);
    expect((await search({ q: 'worker', collection: collectionId, from: '1927' })).hits.map((hit) => hit.work.id)).toEqual([otherWorkId]);
    expect((await search({ q: 'worker', collection: collectionId, to: '1926' })).hits.every((hit) => hit.work.id === workId)).toBe(true);
    const [hit] = (await search({ q: 'silence', collection: collectionId })).hits;
    expect(hit).toMatchObject({ language: 'en', kind: 'SENTENCE', work: { id: workId, title: 'Method', author: 'A. Writer', dateText: 'March 1926', sourceLanguage: 'en' }, volume: null });
  });

  it('follows what is published in the same transaction: an approved change, a revert, a retired segment', async () => {
    const before = (await search({ q: 'silence', collection: collectionId })).hits[0];
    const segmentId = before?.segmentId ?? '';
    const text = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId, language: 'en' } }, select: { publishedRevisionId: true } });
    await createSuggestion({ actor: SYSTEM_ACTOR, input: { segmentId, language: 'en', text: 'The peasants listened in astonishment.', baseRevisionId: text.publishedRevisionId, publish: true } });
    expect((await search({ q: 'silence', collection: collectionId })).total).toBe(0);
    expect(texts(await search({ q: 'astonished', collection: collectionId }))).toEqual(['The peasants listened in astonishment.']);

    const current = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId, language: 'en' } }, select: { publishedRevisionId: true } });
    await revertToRevision({ actor: SYSTEM_ACTOR, input: { segmentId, language: 'en', revisionId: text.publishedRevisionId ?? '', expectedRevisionId: current.publishedRevisionId } });
    expect((await search({ q: 'silence', collection: collectionId })).total).toBe(1);
    expect((await search({ q: 'astonished', collection: collectionId })).total).toBe(0);

    await getDb().segment.update({ where: { id: segmentId }, data: { retiredAt: new Date() } });
    expect((await search({ q: 'silence', collection: collectionId })).total).toBe(0);
    await getDb().segment.update({ where: { id: segmentId }, data: { retiredAt: null } });
  });

  it(`lets one address search ${SEARCH_RATE_LIMIT.points} times a minute, then asks it to wait; an empty search is not counted`, async () => {
    const address = uniqueAddress();
    for (let n = 0; n < SEARCH_RATE_LIMIT.points; n += 1) await search({ q: 'worker', collection: collectionId }, address);
    expect((await search({ q: '', collection: collectionId }, address)).hits).toEqual([]);
    expect(await errorCodeOf(search({ q: 'worker', collection: collectionId }, address))).toBe('RATE_LIMITED');
    expect((await search({ q: 'worker', collection: collectionId })).total).toBeGreaterThan(0);
  });

  it('pages through many hits and caps the count it reports', async () => {
    const many = Array.from({ length: 45 }, (_, index) => `Sentence number ${index + 1} mentions the harvest.`).join(' ');
    const harvestWork = (await buildWork({ collectionId, text: `# Harvest\n\n${many}\n`, title: 'Harvest', filename: 'harvest.md' })).workId;
    const first = await search({ q: 'harvest', work: harvestWork });
    expect(first.total).toBe(46);
    expect(first.hits).toHaveLength(20);
    const third = await search({ q: 'harvest', work: harvestWork, page: '3' });
    expect(third.hits).toHaveLength(6);
    const all = new Set([...first.hits, ...(await search({ q: 'harvest', work: harvestWork, page: '2' })).hits, ...third.hits].map((hit) => hit.segmentId));
    expect(all.size).toBe(46);
  });
});
