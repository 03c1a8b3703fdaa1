import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { GET as getMemory, POST as postMemory } from '../../../app/api/collections/[collectionId]/memory/route';
import { GET as getTmx } from '../../../app/api/collections/[collectionId]/memory/tmx/route';
import { SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { MAX_TMX_BYTES } from '../../../lib/config/limits';
import { getDb, withTransaction } from '../../../lib/db/client';
import { importAlignedTranslation } from '../../../lib/import/import-aligned-translation';
import { exportMemoryTmx } from '../../../lib/memory/export-memory-tmx';
import { importMemoryTmx } from '../../../lib/memory/import-memory-tmx';
import { lookupMemory } from '../../../lib/memory/lookup-memory';
import { memoryExportQuerySchema } from '../../../lib/memory/schemas';
import { TmxReader, type TmxUnit } from '../../../lib/memory/tmx/tmx-reader';
import type { CollectionMemory, MemoryImportSummary } from '../../../lib/memory/types';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

const ORIGINAL = '# Evenings\n\nThe workers read the newspapers in the evening. A worker reads the newspaper aloud to the others. The peasants listened in silence. Nobody spoke.\n';
const TRANSLATION = '# Вечера\n\nРабочие читали газеты по вечерам. Рабочий читает газету вслух остальным. Крестьяне слушали молча. Никто не говорил.\n';
const DTD = path.resolve(__dirname, '../../fixtures/tmx14.dtd');

const tmx = (body: string, doctype = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${doctype}<tmx version="1.4"><header creationtool="Tool" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en-US" srclang="en-US" datatype="plaintext"/><body>${body}</body></tmx>`;
const tu = (en: string, ru: string, attributes = '') => `<tu${attributes}><tuv xml:lang="en-US"><seg>${en}</seg></tuv><tuv xml:lang="ru-RU"><seg>${ru}</seg></tuv></tu>`;

async function collect(chunks: AsyncGenerator<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

function readUnits(xml: string): { units: TmxUnit[]; reader: TmxReader } {
  const units: TmxUnit[] = [];
  const reader = new TmxReader({ onUnit: (unit) => units.push(unit) });
  reader.write(new TextEncoder().encode(xml));
  reader.end();
  return { units, reader };
}

function form(fields: Record<string, string>, file?: { name: string; text: string | Uint8Array }): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  if (file) data.set('file', new File([file.text as BlobPart], file.name, { type: 'application/xml' }));
  return data;
}

const file = (name: string, text: string) => new File([text], name);

describe('translation memory exchange (TMX)', () => {
  let library: string;
  let other: string;
  let workId: string;
  let editor: { id: string; actor: Actor };
  let volunteer: { id: string; actor: Actor };
  let scratch: string;

  const post = async (collectionId: string, data: FormData, userId = editor.id, headers: Record<string, string> = {}) =>
    callRoute(postMemory, `/api/collections/${collectionId}/memory`, { params: { collectionId }, cookie: await sessionCookie(userId), init: { method: 'POST', body: data, headers } });
  const lookup = (text: string, collectionIds: 'all' | string[]) => lookupMemory(getDb(), { sourceLanguage: 'en', targetLanguage: 'ru', text, collectionIds, minPercent: 50, limit: 5 });

  beforeAll(async () => {
    library = (await buildCollection()).id;
    other = (await buildCollection()).id;
    workId = (await buildWork({ collectionId: library, text: ORIGINAL, title: 'Evenings', filename: 'evenings.md' })).workId;
    await importAlignedTranslation({ actor: SYSTEM_ACTOR, workId, file: { name: 'ru.md', bytes: new TextEncoder().encode(TRANSLATION) }, provenance: { language: 'ru', translator: 'Maria Translator' } });
    const user = await buildUser({ name: 'Edna Editor' });
    await grantRole(user.id, other, 'EDITOR');
    editor = { id: user.id, actor: await grantRole(user.id, library, 'EDITOR') };
    volunteer = await buildUser({ name: 'Vera Volunteer' });
    scratch = mkdtempSync(path.join(tmpdir(), 'interlinear-tmx-'));
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('exports a collection’s library units as valid TMX 1.4b with their provenance', async () => {
    const { fileName, chunks } = await exportMemoryTmx({ actor: editor.actor, input: memoryExportQuerySchema.parse({ collectionId: library, source: 'en', target: 'ru' }), now: new Date('2024-01-02T03:04:05Z') });
    expect(fileName).toMatch(/^c-[0-9a-f]+-en-ru\.tmx$/u);
    const xml = await collect(chunks);
    expect(xml).toContain('<header creationtool="Interlinear" creationtoolversion="1.0" segtype="sentence" o-tmf="Interlinear" adminlang="en" srclang="en" datatype="plaintext" creationdate="20240102T030405Z"/>');

    // Valid against the TMX 1.4b DTD (xmllint from libxml2-utils; nothing is fetched).
    const exported = path.join(scratch, 'library.tmx');
    writeFileSync(exported, xml);
    expect(() => execFileSync('xmllint', ['--noout', '--nonet', '--dtdvalid', DTD, exported], { stdio: 'pipe' })).not.toThrow();

    const { units, reader } = readUnits(xml);
    expect(reader.headerSource).toBe('en');
    // Reading order: the heading, then the four sentences.
    expect(units.map((unit) => unit.variants.map((variant) => `${variant.language}:${variant.text}`))).toEqual([
      ['en:Evenings', 'ru:Вечера'],
      ['en:The workers read the newspapers in the evening.', 'ru:Рабочие читали газеты по вечерам.'],
      ['en:A worker reads the newspaper aloud to the others.', 'ru:Рабочий читает газету вслух остальным.'],
      ['en:The peasants listened in silence.', 'ru:Крестьяне слушали молча.'],
      ['en:Nobody spoke.', 'ru:Никто не говорил.'],
    ]);
    expect(units[1]).toMatchObject({ creationId: 'Maria Translator' });
    const published = await getDb().memoryUnit.findFirstOrThrow({ where: { workId, sourceText: 'Nobody spoke.' }, select: { segmentId: true, translatedAt: true } });
    const tuid = new RegExp(`<tu tuid="${published.segmentId}" creationdate="\\d{8}T\\d{6}Z" changedate="${published.translatedAt.toISOString().replace(/[-:]|\.\d{3}/gu, '')}" creationid="Maria Translator">`, 'u');
    expect(xml).toMatch(tuid);
    expect(xml).toContain(`<prop type="x-interlinear-origin">library</prop>`);
    expect(xml).toContain(`<prop type="x-interlinear-work">${workId}</prop>`);
    expect(xml).toContain(`<prop type="x-interlinear-work-title">Evenings</prop>`);
    expect(xml).toContain(`<prop type="x-interlinear-segment">${published.segmentId}</prop>`);

    // Another pair has nothing: an empty body, still valid.
    const empty = await collect((await exportMemoryTmx({ actor: editor.actor, input: memoryExportQuerySchema.parse({ collectionId: library, source: 'en', target: 'de' }) })).chunks);
    expect(readUnits(empty).units).toEqual([]);
  });

  it('round trip: the export imported into another collection is found as imported, with its provenance, and importing it again replaces it', async () => {
    const response = await callRoute(getTmx, `/api/collections/${library}/memory/tmx?source=en&target=ru`, { params: { collectionId: library }, cookie: await sessionCookie(editor.id) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-tmx+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="c-[0-9a-f]+-en-ru\.tmx"$/u);
    const xml = await response.text();

    const imported = await post(other, form({ source: 'en', target: 'ru' }, { name: 'evenings.tmx', text: xml }));
    expect(imported.status).toBe(201);
    const summary = (await imported.json()) as MemoryImportSummary;
    expect(summary).toEqual({
      file: 'evenings.tmx',
      sourceLanguage: 'en',
      targetLanguage: 'ru',
      imported: 5,
      replaced: 0,
      skipped: { missingLanguage: 0, empty: 0, tooLong: 0, duplicate: 0 },
      languages: [
        { language: 'en', units: 5 },
        { language: 'ru', units: 5 },
      ],
    });

    const published = await getDb().memoryUnit.findFirstOrThrow({ where: { workId, sourceText: 'The workers read the newspapers in the evening.' }, select: { translatedAt: true } });
    const matches = await lookup('The workers read the newspapers in the evening.', [other]);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({
      percent: 100,
      targetText: 'Рабочие читали газеты по вечерам.',
      // TMX dates have whole seconds.
      provenance: { origin: 'IMPORTED', file: 'evenings.tmx', translator: 'Maria Translator', date: new Date(Math.floor(published.translatedAt.getTime() / 1000) * 1000).toISOString() },
    });
    // Fuzzy matches reach imported units through the same keys.
    expect((await lookup('The workers read the newspaper in the morning.', [other])).map((match) => [match.percent, match.provenance.origin])).toEqual([[77, 'IMPORTED']]);

    const again = (await (await post(other, form({ source: 'en', target: 'ru' }, { name: 'evenings.tmx', text: xml }))).json()) as MemoryImportSummary;
    expect(again).toMatchObject({ imported: 5, replaced: 5 });
    expect(await getDb().memoryUnit.count({ where: { collectionId: other } })).toBe(5);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { collectionId: other, type: 'memory.imported' }, orderBy: { createdAt: 'desc' }, select: { actorId: true, data: true } });
    expect(event).toEqual({ actorId: editor.id, data: { file: 'evenings.tmx', sourceLanguage: 'en', targetLanguage: 'ru', imported: 5, replaced: 5, skipped: { missingLanguage: 0, empty: 0, tooLong: 0, duplicate: 0 } } });

    // The other collection's export holds them as imported units, with the file they came from.
    const reexported = await collect((await exportMemoryTmx({ actor: editor.actor, input: memoryExportQuerySchema.parse({ collectionId: other, source: 'en', target: 'ru' }) })).chunks);
    expect(readUnits(reexported).units).toHaveLength(5);
    expect(reexported).toContain('<prop type="x-interlinear-origin">imported</prop>');
    expect(reexported).toContain('<prop type="x-interlinear-file">evenings.tmx</prop>');
    const memory = (await (await callRoute(getMemory, `/api/collections/${other}/memory`, { params: { collectionId: other }, cookie: await sessionCookie(editor.id) })).json()) as CollectionMemory;
    expect(memory).toEqual({ pairs: [{ sourceLanguage: 'en', targetLanguage: 'ru', library: 0, imported: 5 }], files: [{ name: 'evenings.tmx', units: 5 }] });
  });

  it('matches languages by primary subtag, reduces inline markup to text, and counts what it skips', async () => {
    const collectionId = (await buildCollection()).id;
    const long = 'word '.repeat(5000);
    const body = [
      tu('Press <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> to <hi type="x-em">keep</hi> the file<ph>{1}</ph>.', 'Нажмите <bpt i="1">&lt;b&gt;</bpt>«Сохранить»<ept i="1">&lt;/b&gt;</ept>.', ' creationid="Anna" creationdate="20190101T000000Z" changeid="Boris" changedate="20200202T020202Z"'),
      `<tu><tuv xml:lang="EN-gb"><seg>The door was open.</seg></tuv><tuv xml:lang="ru" changeid="Vera" changedate="20210303T030303Z"><seg>Дверь была открыта.</seg></tuv><tuv xml:lang="de"><seg>Die Tür war offen.</seg></tuv></tu>`,
      tu('The door was open.', 'Дверь была открыта.'),
      tu('<ph>{1}</ph>', 'Пусто'),
      tu('Nothing here.', '   '),
      `<tu><tuv xml:lang="en"><seg>Only English.</seg></tuv><tuv xml:lang="de"><seg>Nur Deutsch.</seg></tuv></tu>`,
      tu(long, 'Длинно.'),
      tu('A dated unit.', 'Датированная единица.', ' creationdate="not a date"'),
    ].join('\n');
    const summary = await importMemoryTmx({ actor: SYSTEM_ACTOR, collectionId, file: file('markup.tmx', tmx(body)), sourceLanguage: 'en', targetLanguage: 'ru', now: new Date('2024-05-06T07:08:09Z') });
    expect(summary).toMatchObject({
      imported: 3,
      skipped: { missingLanguage: 1, empty: 2, tooLong: 1, duplicate: 1 },
      languages: [
        { language: 'en', units: 8 },
        { language: 'ru', units: 7 },
        { language: 'de', units: 2 },
      ],
    });
    const rows = await getDb().memoryUnit.findMany({ where: { collectionId }, orderBy: { id: 'asc' }, select: { origin: true, sourceLanguage: true, targetLanguage: true, sourceText: true, targetText: true, translator: true, translatedAt: true, importedFile: true } });
    expect(rows).toEqual([
      { origin: 'IMPORTED', sourceLanguage: 'en', targetLanguage: 'ru', sourceText: 'Press Save to keep the file.', targetText: 'Нажмите «Сохранить».', translator: 'Anna', translatedAt: new Date('2020-02-02T02:02:02Z'), importedFile: 'markup.tmx' },
      { origin: 'IMPORTED', sourceLanguage: 'en', targetLanguage: 'ru', sourceText: 'The door was open.', targetText: 'Дверь была открыта.', translator: 'Vera', translatedAt: new Date('2021-03-03T03:03:03Z'), importedFile: 'markup.tmx' },
      { origin: 'IMPORTED', sourceLanguage: 'en', targetLanguage: 'ru', sourceText: 'A dated unit.', targetText: 'Датированная единица.', translator: '', translatedAt: new Date('2024-05-06T07:08:09Z'), importedFile: 'markup.tmx' },
    ]);
    // The same file read for another pair, in a caller's transaction (the keys are then computed in it too).
    const again = await withTransaction(getDb(), (tx) => importMemoryTmx({ actor: SYSTEM_ACTOR, collectionId, file: file('markup.tmx', tmx(body)), sourceLanguage: 'de', targetLanguage: 'en', db: tx }));
    expect(again).toMatchObject({ imported: 2, replaced: 3, skipped: { missingLanguage: 6 } });
    expect((await lookupMemory(getDb(), { sourceLanguage: 'de', targetLanguage: 'en', text: 'Die Tür war offen.', collectionIds: [collectionId], minPercent: 100, limit: 5 })).map((match) => match.targetText)).toEqual(['The door was open.']);
  });

  it('refuses hostile and broken files with a clear error and leaves the memory as it was', async () => {
    const collectionId = (await buildCollection()).id;
    await grantRole(editor.id, collectionId, 'ADMIN');
    const kept = await post(collectionId, form({ source: 'en', target: 'ru' }, { name: 'kept.tmx', text: tmx(tu('The river froze.', 'Река замёрзла.')) }));
    expect(kept.status).toBe(201);
    const attempt = async (name: string, text: string | Uint8Array, headers: Record<string, string> = {}) => {
      const response = await post(collectionId, form({ source: 'en', target: 'ru' }, { name, text }), editor.id, headers);
      return { status: response.status, error: ((await response.json()) as { error: { code: string; message: string; details?: unknown } }).error };
    };

    const laughs = `<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>\n`;
    // Re-imported under the kept file's name: had anything been read, the kept units would be gone.
    expect(await attempt('kept.tmx', tmx(tu('&d;', 'смех'), laughs))).toEqual({ status: 422, error: { code: 'INVALID_INPUT', message: expect.stringContaining('declares its own document type') } });
    const external = `<!DOCTYPE tmx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n`;
    expect(await attempt('kept.tmx', tmx(tu('&secret;', 'секрет'), external))).toEqual({ status: 422, error: { code: 'INVALID_INPUT', message: expect.stringContaining('declares its own document type') } });
    const parameter = `<!DOCTYPE tmx [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>\n`;
    expect((await attempt('kept.tmx', tmx(tu('a', 'б'), parameter))).status).toBe(422);
    expect(await attempt('kept.tmx', tmx(tu('Broken', 'Сломано')).replace('</seg></tuv></tu>', '</tuv></tu>'))).toEqual({
      status: 422,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^The file is not well-formed XML \(line 2, column \d+: /u) },
    });
    // A file that breaks after thousands of good units rolls back the units written before.
    const many = Array.from({ length: 4500 }, (_, i) => tu(`Sentence number ${i}.`, `Предложение номер ${i}.`)).join('');
    expect((await attempt('kept.tmx', `${tmx(many).slice(0, -20)}<oops>`)).status).toBe(422);
    expect(await attempt('kept.tmx', '<html><body>Not a memory</body></html>')).toEqual({ status: 422, error: { code: 'INVALID_INPUT', message: expect.stringContaining('not TMX') } });
    expect(await attempt('kept.tmx', new Uint8Array([0x3c, 0x74, 0xff, 0xfe, 0xfd]))).toMatchObject({ status: 422, error: { code: 'UNSUPPORTED_ENCODING' } });
    expect(await attempt('kept.tmx', tmx(tu('Hello.', 'Привет.')).replace('en-US', 'fr').replace('xml:lang="en-US"', 'xml:lang="fr"'))).toEqual({
      status: 422,
      error: { code: 'INVALID_INPUT', message: 'The file has no unit in en; its languages are fr, ru.', details: expect.objectContaining({ languages: [{ language: 'fr', units: 1 }, { language: 'ru', units: 1 }] }) },
    });
    // Larger than the limit: refused from its announced length, and by the use case for a file of that size.
    expect(await attempt('kept.tmx', tmx(''), { 'content-length': String(MAX_TMX_BYTES * 2) })).toMatchObject({ status: 413, error: { code: 'PAYLOAD_TOO_LARGE' } });
    const huge = { name: 'huge.tmx', size: MAX_TMX_BYTES + 1, stream: () => new Blob([]).stream() };
    expect(await errorCodeOf(importMemoryTmx({ actor: SYSTEM_ACTOR, collectionId, file: huge, sourceLanguage: 'en', targetLanguage: 'ru' }))).toBe('PAYLOAD_TOO_LARGE');

    expect(await getDb().memoryUnit.findMany({ where: { collectionId }, select: { sourceText: true, importedFile: true } })).toEqual([{ sourceText: 'The river froze.', importedFile: 'kept.tmx' }]);
  });

  it('ranks the library’s own translation before an imported one of the same percentage', async () => {
    const sentence = 'The peasants listened in silence.';
    // Newer than the library's translation (newest first would put them first), and many of them:
    // the exact candidates are capped, and the library's unit must not be crowded out.
    const units = Array.from({ length: 30 }, (_, i) => tu(sentence, `Крестьяне молча слушали (${i}).`, ' changedate="20300101T000000Z"')).join('');
    await importMemoryTmx({ actor: editor.actor, collectionId: library, file: file('peasants.tmx', tmx(units)), sourceLanguage: 'en', targetLanguage: 'ru', now: new Date('2099-01-01T00:00:00Z') });
    await importMemoryTmx({ actor: editor.actor, collectionId: library, file: file('fuzzy.tmx', tmx(tu('The peasants listened in the silence.', 'Крестьяне слушали в тишине.', ' changedate="20300101T000000Z"'))), sourceLanguage: 'en', targetLanguage: 'ru' });

    const exact = await lookup(sentence, 'all');
    expect(exact.map((match) => [match.percent, match.provenance.origin])).toEqual([
      [100, 'LIBRARY'],
      [100, 'IMPORTED'],
      [100, 'IMPORTED'],
      [100, 'IMPORTED'],
      [100, 'IMPORTED'],
    ]);
    expect(exact[0]?.targetText).toBe('Крестьяне слушали молча.');
    // An imported unit never counts as "in context": it has no neighbours.
    expect(exact.every((match) => !match.isInContext)).toBe(true);

    // The percentage comes first: an imported unit closer to the sentence is shown above.
    const closer = await lookup('The peasants listened in the silence today.', 'all');
    expect(closer.slice(0, 2).map((match) => [match.percent, match.provenance.origin])).toEqual([
      [87, 'IMPORTED'],
      [75, 'LIBRARY'],
    ]);
    // At a fuzzy percentage shared by the library's unit and imported ones, the library's first.
    const tie = await lookup('The peasants listened in silence today.', 'all');
    const tied = tie.filter((match) => match.percent === tie[0]?.percent);
    expect(tied.length).toBeGreaterThan(1);
    expect(tied[0]?.provenance.origin).toBe('LIBRARY');
  });

  it('answers over HTTP to editors of the collection only', async () => {
    const data = () => form({ source: 'en', target: 'ru' }, { name: 'x.tmx', text: tmx(tu('Hello.', 'Привет.')) });
    const anonymous = await callRoute(postMemory, `/api/collections/${library}/memory`, { params: { collectionId: library }, init: { method: 'POST', body: data() } });
    expect(anonymous.status).toBe(401);
    expect((await post(library, data(), volunteer.id)).status).toBe(403);
    // An editor of another collection only.
    const outsider = await buildUser();
    await grantRole(outsider.id, (await buildCollection()).id, 'EDITOR');
    expect((await post(library, data(), outsider.id)).status).toBe(403);
    expect((await post('00000000-0000-7000-8000-000000000000', data())).status).toBe(404);
    expect((await post(library, form({ source: 'en', target: 'en' }, { name: 'x.tmx', text: tmx('') }))).status).toBe(422);
    expect((await post(library, form({ source: 'english', target: 'ru' }, { name: 'x.tmx', text: tmx('') }))).status).toBe(422);
    expect((await post(library, form({ source: 'en', target: 'ru' }))).status).toBe(422);

    const url = `/api/collections/${library}/memory/tmx?source=en&target=ru`;
    expect((await callRoute(getTmx, url, { params: { collectionId: library } })).status).toBe(401);
    expect((await callRoute(getTmx, url, { params: { collectionId: library }, cookie: await sessionCookie(volunteer.id) })).status).toBe(403);
    expect((await callRoute(getTmx, url, { params: { collectionId: library }, cookie: await sessionCookie(outsider.id) })).status).toBe(403);
    expect((await callRoute(getTmx, `/api/collections/${library}/memory/tmx?source=en&target=x'--`, { params: { collectionId: library }, cookie: await sessionCookie(editor.id) })).status).toBe(422);
    expect((await callRoute(getMemory, `/api/collections/${library}/memory`, { params: { collectionId: library }, cookie: await sessionCookie(volunteer.id) })).status).toBe(403);
  });

  it('takes one import per account at a time and two in all, refused before their files are read', async () => {
    const boundary = 'interlinear-slow-upload';
    const uploads: ReadableStreamDefaultController<Uint8Array>[] = [];
    // An upload whose file is still arriving: it holds its slot until the stream ends.
    const bodyCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;
    const slow = async (userId: string) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="source"\r\n\r\nen\r\n`));
        },
        // Asked for more once the route reads the body, that is once it holds its slot.
        pull(controller) {
          if (!uploads.includes(controller)) uploads.push(controller);
        },
      });
      const init = { method: 'POST', body, duplex: 'half', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } } as RequestInit;
      return callRoute(postMemory, `/api/collections/${library}/memory`, { params: { collectionId: library }, cookie: await sessionCookie(userId), init });
    };
    const second = await buildUser();
    const third = await buildUser();
    await grantRole(second.id, library, 'EDITOR');
    await grantRole(third.id, library, 'EDITOR');
    const data = () => form({ source: 'en', target: 'ru' }, { name: 'gate.tmx', text: tmx(tu('The gate was open all night.', 'Ворота были открыты всю ночь.')) });

    const first = slow(editor.id);
    await expect.poll(() => uploads.length).toBe(1);
    const again = await post(library, data());
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('60');
    expect(await bodyCode(again)).toBe('RATE_LIMITED');

    const other = slow(second.id);
    await expect.poll(() => uploads.length).toBe(2);
    const busy = await post(library, data(), third.id);
    expect(busy.status).toBe(503);
    expect(await bodyCode(busy)).toBe('SERVER_BUSY');

    // The slow uploads end cut short (422): their slots are free again.
    for (const upload of uploads) upload.close();
    expect((await first).status).toBe(422);
    expect((await other).status).toBe(422);
    expect((await post(library, data(), third.id)).status).toBe(201);
    expect((await post(library, data())).status).toBe(201);
  });
});
