import { beforeAll, describe, expect, it } from 'vitest';

import { GET } from '../../../app/api/concordance/route';
import { ANONYMOUS, SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { SEARCH_RATE_LIMIT } from '../../../lib/config/limits';
import { getDb } from '../../../lib/db/client';
import { clientAddress } from '../../../lib/http/client-address';
import { PEER_ADDRESS_HEADER } from '../../../lib/http/peer-address';
import { importAlignedTranslation } from '../../../lib/import/import-aligned-translation';
import { findConcordance } from '../../../lib/memory/find-concordance';
import { CONCORDANCE_PAGE_SIZE, concordanceQuerySchema } from '../../../lib/memory/schemas';
import type { ConcordancePair, ConcordancePart, ConcordanceResults } from '../../../lib/memory/types';
import { searchInputSchema } from '../../../lib/search/schemas';
import { searchLibrary } from '../../../lib/search/search-library';
import { uniqueAddress } from '../../helpers/addresses';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, buildWork } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

// Words no other test of the run uses, so the whole answer can be compared.
const ORIGINAL = '# Over the Bay\n\nThe airship crossed the bay at dawn. Two airships waited above the harbour. The pilots slept in the gondola. A storm came from the north.\n';
const TRANSLATION = '# Над заливом\n\nДирижабль пересёк залив на рассвете. Два дирижабля ждали над гаванью. Пилоты спали в гондоле. Буря пришла с севера.\n';

type Side = 'source' | 'target' | 'both';

// A volunteer's account: imported memories' units are shown to accounts only.
let reader: Actor = ANONYMOUS;
const concordance = (q: string, side: Side = 'source', { page = 1, address = uniqueAddress(), actor = reader }: { page?: number; address?: string; actor?: Actor } = {}): Promise<ConcordanceResults> =>
  findConcordance({ actor, input: concordanceQuerySchema.parse({ q, source: 'en', target: 'ru', side, page }), clientAddress: address });

const plain = (parts: ConcordancePart[]) => parts.map((part) => part.text).join('');
const marked = (parts: ConcordancePart[]) => parts.filter((part) => part.isMatch).map((part) => part.text);
const texts = (pairs: ConcordancePair[]) => pairs.map((pair) => [pair.provenance.origin, plain(pair.source), plain(pair.target)]);

async function importUnit({ source, target, collectionId, file = 'fleet.tmx', translator = 'Ivan Imported' }: { source: string; target: string; collectionId: string; file?: string; translator?: string }): Promise<string> {
  const [row] = await getDb().$queryRaw<{ id: string }[]>`
    INSERT INTO memory_unit (id, origin, source_language, target_language, source_text, target_text, exact_key, bands, collection_id, imported_file, translator, translated_at)
    VALUES (gen_random_uuid(), 'IMPORTED', 'en', 'ru', ${source}, ${target}, memory_exact_key(${source}), memory_bands(interlinear_search_config('en'), 'en>ru', ${source}),
            ${collectionId}::uuid, ${file}, ${translator}, '2021-03-04T00:00:00Z')
    RETURNING id`;
  if (!row) throw new Error('no unit');
  return row.id;
}

describe('concordance', () => {
  let collectionId: string;
  let workId: string;

  beforeAll(async () => {
    reader = (await buildUser()).actor;
    collectionId = (await buildCollection()).id;
    workId = (await buildWork({ collectionId, text: ORIGINAL, title: 'Airships', filename: 'airships.md' })).workId;
    await importAlignedTranslation({ actor: SYSTEM_ACTOR, workId, file: { name: 'ru.md', bytes: new TextEncoder().encode(TRANSLATION) }, provenance: { language: 'ru', translator: 'Maria Translator' } });
    // An imported unit with the word three times outranks every library pair by itself.
    await importUnit({ source: 'Airships, airships, airships everywhere.', target: 'Дирижабли, дирижабли повсюду.', collectionId });
    await importUnit({ source: 'The old airship was repaired.', target: 'Старый дирижабль починили.', collectionId, file: 'repairs.tmx', translator: '' });
  });

  it('finds the library’s pairs first, stemmed, then imported units labelled with their file and translator', async () => {
    const result = await concordance('airship');
    expect(texts(result.pairs.slice(0, 2)).sort()).toEqual([
      ['LIBRARY', 'The airship crossed the bay at dawn.', 'Дирижабль пересёк залив на рассвете.'],
      ['LIBRARY', 'Two airships waited above the harbour.', 'Два дирижабля ждали над гаванью.'],
    ]);
    expect(texts(result.pairs.slice(2))).toEqual([
      ['IMPORTED', 'Airships, airships, airships everywhere.', 'Дирижабли, дирижабли повсюду.'],
      ['IMPORTED', 'The old airship was repaired.', 'Старый дирижабль починили.'],
    ]);
    expect(result).toMatchObject({ page: 1, hasMore: false });
    expect(result.pairs[0]?.provenance).toMatchObject({ origin: 'LIBRARY', workId, workTitle: 'Airships', translator: 'Maria Translator' });
    expect(result.pairs[2]?.provenance).toMatchObject({ origin: 'IMPORTED', file: 'fleet.tmx', translator: 'Ivan Imported', date: '2021-03-04T00:00:00.000Z' });
    expect(result.pairs[3]?.provenance).toMatchObject({ origin: 'IMPORTED', file: 'repairs.tmx', translator: '' });
    // The searched side's forms of the word are marked; the other side is shown as it is.
    expect(result.pairs.flatMap((pair) => marked(pair.source))).toEqual(expect.arrayContaining(['airship', 'airships', 'Airships']));
    expect(result.pairs.flatMap((pair) => marked(pair.target))).toEqual([]);

    // Anonymous readers get the library's pairs only, and are told that more exist for accounts.
    const anonymous = await concordance('airship', 'source', { actor: ANONYMOUS });
    expect(texts(anonymous.pairs).map(([origin]) => origin)).toEqual(['LIBRARY', 'LIBRARY']);
    expect(anonymous).toMatchObject({ hasMore: false, isImportedHidden: true });
    expect(result.isImportedHidden).toBe(false);
    // A phrase, a prefix and an exclusion read as in library search.
    expect(texts((await concordance('"old airship"')).pairs)).toEqual([['IMPORTED', 'The old airship was repaired.', 'Старый дирижабль починили.']]);
    expect((await concordance('airsh*')).pairs).toHaveLength(4);
    expect(texts((await concordance('airship -dawn -harbour -everywhere')).pairs)).toEqual([['IMPORTED', 'The old airship was repaired.', 'Старый дирижабль починили.']]);
  });

  it('searches the translation side with its own language’s stemming, or either side', async () => {
    const byTarget = await concordance('дирижабль', 'target');
    expect(byTarget.pairs.map((pair) => pair.provenance.origin)).toEqual(['LIBRARY', 'LIBRARY', 'IMPORTED', 'IMPORTED']);
    expect(byTarget.pairs.flatMap((pair) => marked(pair.target)).sort()).toEqual(['Дирижабли', 'Дирижабль', 'дирижабли', 'дирижабль', 'дирижабля']);
    expect(byTarget.pairs.flatMap((pair) => marked(pair.source))).toEqual([]);
    // English words are not found on the Russian side, nor Russian ones on the English side.
    expect((await concordance('airship', 'target')).pairs).toEqual([]);
    expect((await concordance('дирижабль', 'source')).pairs).toEqual([]);
    // Either side: a word of each language finds its pairs, marked where they matched.
    const both = await concordance('gondola or буря', 'both');
    expect(texts(both.pairs).sort()).toEqual([
      ['LIBRARY', 'A storm came from the north.', 'Буря пришла с севера.'],
      ['LIBRARY', 'The pilots slept in the gondola.', 'Пилоты спали в гондоле.'],
    ]);
    expect(both.pairs.flatMap((pair) => [...marked(pair.source), ...marked(pair.target)]).sort()).toEqual(['gondola', 'Буря']);
    // An imported unit holding the word on both sides is one pair, marked on both.
    await importUnit({ source: 'The Hindenburg burned at Lakehurst.', target: 'Дирижабль Hindenburg сгорел в Лейкхерсте.', collectionId });
    const twice = await concordance('Hindenburg', 'both');
    expect(texts(twice.pairs)).toEqual([['IMPORTED', 'The Hindenburg burned at Lakehurst.', 'Дирижабль Hindenburg сгорел в Лейкхерсте.']]);
    expect([marked(twice.pairs[0]?.source ?? []), marked(twice.pairs[0]?.target ?? [])]).toEqual([['Hindenburg'], ['Hindenburg']]);
  });

  it('leaves out retired segments, and follows changes to imported units', async () => {
    const [segment] = await getDb().$queryRaw<{ id: string }[]>`
      SELECT s.id FROM segment s JOIN segment_text st ON st.segment_id = s.id AND st.language = 'en' JOIN revision r ON r.id = st.published_revision_id
       WHERE s.work_id = ${workId}::uuid AND r.text = 'The pilots slept in the gondola.'`;
    await getDb().segment.update({ where: { id: segment?.id }, data: { retiredAt: new Date() } });
    expect((await concordance('gondola')).pairs).toEqual([]);
    await getDb().segment.update({ where: { id: segment?.id }, data: { retiredAt: null } });
    expect((await concordance('gondola')).pairs).toHaveLength(1);

    const unit = await importUnit({ source: 'The mooring mast stood alone.', target: 'Причальная мачта стояла одна.', collectionId });
    expect((await concordance('mast')).pairs).toHaveLength(1);
    // The vectors follow the text (trigger), and library units carry none (found through search's index).
    await getDb().memoryUnit.update({ where: { id: unit }, data: { sourceText: 'The mooring tower stood alone.' } });
    expect((await concordance('mast')).pairs).toEqual([]);
    expect(texts((await concordance('tower')).pairs)).toEqual([['IMPORTED', 'The mooring tower stood alone.', 'Причальная мачта стояла одна.']]);
    const [vectors] = await getDb().$queryRaw<{ library_with_vectors: number }[]>`SELECT count(*)::int AS library_with_vectors FROM memory_unit WHERE origin = 'LIBRARY' AND (source_vector IS NOT NULL OR target_vector IS NOT NULL)`;
    expect(vectors?.library_with_vectors).toBe(0);
  });

  it('finds nothing for a query of nothing, and reads hostile input as words', async () => {
    expect(await concordance('" * -')).toEqual({ pairs: [], page: 1, hasMore: false, isImportedHidden: false });
    // Stop words alone: nothing, on either side.
    expect((await concordance('the of', 'both')).pairs).toEqual([]);
    expect((await concordance(`airship'); DROP TABLE memory_unit; --`)).pairs).toEqual([]);
    expect((await concordance('airship:* | !harbour & \\')).pairs.length).toBeGreaterThan(0);
  });

  it('pages through the library’s pairs and then the imported ones, each pair once', async () => {
    await getDb().$executeRaw`
      INSERT INTO memory_unit (id, origin, source_language, target_language, source_text, target_text, exact_key, bands, collection_id, imported_file, translator, translated_at)
      SELECT gen_random_uuid(), 'IMPORTED', 'en', 'ru', 'Balloon number ' || n || ' landed.', 'Аэростат номер ' || n || ' приземлился.', memory_exact_key('Balloon number ' || n), '{}',
             ${collectionId}::uuid, 'balloons.tmx', '', now()
        FROM generate_series(1, 25) n`;
    const first = await concordance('balloon');
    const second = await concordance('balloon', 'source', { page: 2 });
    expect([first.pairs.length, first.hasMore, second.pairs.length, second.hasMore]).toEqual([CONCORDANCE_PAGE_SIZE, true, 5, false]);
    expect(new Set([...first.pairs, ...second.pairs].map((pair) => plain(pair.source))).size).toBe(25);
    // A page that starts inside the library's pairs continues with imported ones.
    const mixed = await concordance('airship or balloon');
    expect(mixed.pairs.slice(0, 2).map((pair) => pair.provenance.origin)).toEqual(['LIBRARY', 'LIBRARY']);
    expect(mixed.pairs.slice(2).every((pair) => pair.provenance.origin === 'IMPORTED')).toBe(true);
    const rest = await concordance('airship or balloon', 'source', { page: 2 });
    expect(rest.pairs).toHaveLength(2 + 2 + 25 - CONCORDANCE_PAGE_SIZE);
    expect(new Set([...mixed.pairs, ...rest.pairs].map((pair) => plain(pair.source))).size).toBe(29);
  });

  it('offers the imported pairs on a next page when the library’s pairs fill a page exactly', async () => {
    const numbers = Array.from({ length: CONCORDANCE_PAGE_SIZE }, (_, index) => index + 1);
    const original = `# Over the Lake\n\n${numbers.map((n) => `Zeppelin ${n} flew over the lake.`).join(' ')}\n`;
    const translation = `# Над озером\n\n${numbers.map((n) => `Цеппелин ${n} пролетел над озером.`).join(' ')}\n`;
    const zeppelins = (await buildWork({ collectionId, text: original, title: 'Zeppelins', filename: 'zeppelins.md' })).workId;
    await importAlignedTranslation({ actor: SYSTEM_ACTOR, workId: zeppelins, file: { name: 'ru.md', bytes: new TextEncoder().encode(translation) }, provenance: { language: 'ru', translator: 'Maria Translator' } });
    await importUnit({ source: 'A zeppelin landed in the field.', target: 'Цеппелин приземлился в поле.', collectionId, file: 'fields.tmx' });
    const first = await concordance('zeppelin');
    expect([first.pairs.length, first.pairs.every((pair) => pair.provenance.origin === 'LIBRARY'), first.hasMore]).toEqual([CONCORDANCE_PAGE_SIZE, true, true]);
    const second = await concordance('zeppelin', 'source', { page: 2 });
    expect([texts(second.pairs), second.hasMore]).toEqual([[['IMPORTED', 'A zeppelin landed in the field.', 'Цеппелин приземлился в поле.']], false]);
  });

  it(`counts against the address’s search limit, shared with library search (${SEARCH_RATE_LIMIT.points} a minute)`, async () => {
    const address = uniqueAddress();
    const half = SEARCH_RATE_LIMIT.points / 2;
    for (let n = 0; n < half; n += 1) await searchLibrary({ actor: ANONYMOUS, input: searchInputSchema.parse({ q: 'airship' }), clientAddress: address });
    for (let n = 0; n < half; n += 1) await concordance('airship', 'source', { address });
    // Nothing to search for is not counted (and not refused).
    expect((await concordance('"', 'source', { address })).pairs).toEqual([]);
    expect(await errorCodeOf(concordance('airship', 'source', { address }))).toBe('RATE_LIMITED');
    expect(await errorCodeOf(searchLibrary({ actor: ANONYMOUS, input: searchInputSchema.parse({ q: 'airship' }), clientAddress: address }))).toBe('RATE_LIMITED');
    // Another address is not affected.
    expect((await concordance('airship')).pairs.length).toBeGreaterThan(0);
  });

  it('answers over HTTP to anyone (imported pairs to accounts), refuses bad input with 422 and a fast client with 429 and Retry-After', async () => {
    const address = uniqueAddress();
    const get = (query: string) => callRoute(GET, `/api/concordance?${query}`, { init: { headers: { [PEER_ADDRESS_HEADER]: address } } });
    const ok = await get('q=airship&source=en&target=ru');
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as ConcordanceResults;
    // Anonymous: the library's pairs; a signed-in reader gets the imported ones too.
    expect(body.pairs.map((pair) => pair.provenance.origin)).toEqual(['LIBRARY', 'LIBRARY']);
    expect(body.isImportedHidden).toBe(true);
    const reader = await buildUser();
    const signedIn = await callRoute(GET, '/api/concordance?q=airship&source=en&target=ru', { cookie: await sessionCookie(reader.id), init: { headers: { [PEER_ADDRESS_HEADER]: uniqueAddress() } } });
    expect(((await signedIn.json()) as ConcordanceResults).pairs.map((pair) => pair.provenance.origin)).toEqual(['LIBRARY', 'LIBRARY', 'IMPORTED', 'IMPORTED']);
    expect((await get('q=&source=en&target=ru')).status).toBe(422);
    expect((await get('q=airship&source=en&target=en')).status).toBe(422);
    expect((await get('q=airship&source=en&target=ru&side=sideways')).status).toBe(422);
    expect((await get('q=airship&source=en&target=ru&page=11')).status).toBe(422);
    expect((await get(`q=airship&source=${encodeURIComponent("en'--")}&target=ru`)).status).toBe(422);
    // The 422s were not searches; use up the rest of the minute (counted for the address as the route reads it).
    const counted = clientAddress(new Headers({ [PEER_ADDRESS_HEADER]: address }));
    for (let n = 1; n < SEARCH_RATE_LIMIT.points; n += 1) await concordance('airship', 'source', { address: counted });
    const refused = await get('q=airship&source=en&target=ru');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const error = ((await refused.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toMatch(/^Too many searches from your address: wait \d+ s and search again\.$/u);
  });
});
