import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';

import { GET as workExportRoute } from '../../../app/api/works/[workId]/export/route';
import { POST as xliffImportRoute } from '../../../app/api/works/[workId]/xliff/route';
import { ANONYMOUS, SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { createComment } from '../../../lib/discussion/create-comment';
import { createDownload } from '../../../lib/export/create-download';
import { downloadQuerySchema } from '../../../lib/export/schemas';
import { createGlossaryTerm } from '../../../lib/glossary/create-glossary-term';
import { createGlossaryTermSchema } from '../../../lib/glossary/schemas';
import { TmxReader, type TmxUnit } from '../../../lib/memory/tmx/tmx-reader';
import { getReviewQueue } from '../../../lib/review/review-queue';
import { importXliff } from '../../../lib/xliff/import-xliff';
import { errorCodeOf } from '../../helpers/errors';
import { buildLaidOutWork, publishText, translateWork } from '../../helpers/export-fixtures';
import { buildCollection, buildUser, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

const XLIFF_2 = 'urn:oasis:names:tc:xliff:document:2.0';
const XLIFF_1_2 = 'urn:oasis:names:tc:xliff:document:1.2';
const METADATA = 'urn:oasis:names:tc:xliff:metadata:2.0';

async function download(workId: string, query: Record<string, string>): Promise<string> {
  const result = await createDownload({ actor: ANONYMOUS, target: { kind: 'work', workId }, query: downloadQuerySchema.parse(query) });
  const chunks: Uint8Array[] = [];
  for await (const chunk of result.body) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses with a real XML parser; any error or warning fails. */
function parse(xml: string): Document {
  const problems: string[] = [];
  const document = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) }).parseFromString(xml, 'application/xml');
  expect(problems).toEqual([]);
  return document;
}

const elements = (parent: Document | Element, namespace: string, name: string): Element[] => Array.from(parent.getElementsByTagNameNS(namespace, name));

/**
 * What a translator's tool does to a file it saves: attributes in another order (the unit's id
 * last, the target's state added), another indentation (tabs), lines re-wrapped in texts, and the
 * declaration written with single quotes.
 */
function likeACatTool(xml: string): string {
  return xml
    .replace(/<\?xml version="1.0" encoding="UTF-8"\?>/u, "<?xml version='1.0' encoding='utf-8'?>")
    .replace(/<(unit|trans-unit) id="([^"]+)"((?: [a-z:-]+="[^"]*")*)>/gu, '<$1$3 id="$2">')
    .replace(/<segment id="s1" state="final">/gu, '<segment state="translated" id="s1">')
    .replace(/<target state="final">/gu, '<target state="translated">')
    .replace(/\n {2,}/gu, (spaces) => `\n${'\t'.repeat(spaces.length / 2)}`)
    .replace(/<target>([^<]*?) ([^<]*)<\/target>/gu, '<target>\n\t\t\t\t$1\n\t\t\t\t  $2\n\t\t\t</target>');
}

describe('XLIFF round trip with translators’ tools', () => {
  let workId: string;
  let collectionId: string;
  let volunteer: { id: string; actor: Actor };
  let editor: Actor;

  beforeAll(async () => {
    const collection = await buildCollection('XLIFF: harvest texts');
    collectionId = collection.id;
    volunteer = await buildUser({ name: 'Xenia Translator' });
    const editorUser = await buildUser({ name: 'Edith Reviewer' });
    editor = await grantRole(editorUser.id, collectionId, 'EDITOR');
    const work = await buildLaidOutWork({ title: 'The harvest in XLIFF', collectionId });
    workId = work.workId;
    // The speakers' turns are left untranslated.
    await translateWork({ workId, language: 'ru', translate: (text) => (/^(?:Ada|Brook|Who|Shall|Yes|The council)/u.test(text) ? null : `Перевод: ${text}`) });
    await createGlossaryTerm({ actor: SYSTEM_ACTOR, input: createGlossaryTermSchema.parse({ collectionId, source: 'en', target: 'ru', text: 'harvest', translations: [{ text: 'урожай' }], note: 'The crop.' }) });
    const db = getDb();
    const first = await db.segment.findFirstOrThrow({ where: { workId, kind: 'SENTENCE' }, orderBy: { orderKey: 'asc' }, select: { id: true } });
    await createComment({ actor: editor, input: { segmentId: first.id, language: 'ru', body: 'Keep “harvest” as урожай <here> & there.' } });
  });

  it('writes XLIFF 2.0 with segment ids, revisions, states, notes and page breaks, well-formed', async () => {
    const xml = await download(workId, { format: 'xliff', lang: 'ru' });
    const document = parse(xml);
    const root = document.documentElement as Element;
    expect(root.namespaceURI).toBe(XLIFF_2);
    expect([root.getAttribute('version'), root.getAttribute('srcLang'), root.getAttribute('trgLang')]).toEqual(['2.0', 'en', 'ru']);
    const files = elements(document, XLIFF_2, 'file');
    expect(files).toHaveLength(1);
    expect(files[0]?.getAttribute('original')).toBe(`interlinear:work:${workId}`);
    const units = elements(document, XLIFF_2, 'unit');
    const db = getDb();
    const segments = await db.segment.findMany({ where: { workId, retiredAt: null, kind: { not: 'PARAGRAPH' } }, orderBy: { orderKey: 'asc' }, select: { id: true, texts: { select: { language: true, publishedRevisionId: true } } } });
    expect(units.map((unit) => unit.getAttribute('id'))).toEqual(segments.map((segment) => segment.id));
    for (const [index, unit] of units.entries()) {
      const segment = segments[index];
      const meta = Object.fromEntries(elements(unit, METADATA, 'meta').map((entry) => [entry.getAttribute('type'), entry.textContent]));
      const target = segment?.texts.find((text) => text.language === 'ru')?.publishedRevisionId ?? null;
      expect(meta['source-revision']).toBe(segment?.texts.find((text) => text.language === 'en')?.publishedRevisionId);
      expect(meta['target-revision']).toBe(target ?? 'none');
      const segmentElement = elements(unit, XLIFF_2, 'segment')[0];
      expect(segmentElement?.getAttribute('state')).toBe(target ? 'final' : 'initial');
      expect(elements(unit, XLIFF_2, 'target')).toHaveLength(target ? 1 : 0);
    }
    // Pages are page-break placeholders in the source; the notes, glossary terms and discussions are notes.
    const breaks = elements(document, XLIFF_2, 'ph').filter((ph) => ph.getAttribute('subType') === 'xlf:pb');
    expect(breaks.map((ph) => ph.getAttribute('disp'))).toEqual(['[p. 7]', '[p. 8]']);
    expect(xml).toContain('which he did <ph id="pb1" type="fmt" subType="xlf:pb" disp="[p. 8]" equiv=""/>without a word to anybody at all.</source>');
    const notes = elements(document, XLIFF_2, 'note').map((note) => `${note.getAttribute('category')}: ${note.textContent}`);
    expect(notes).toContain('footnote: [1] The harvest of that year was the worst in a decade. — Перевод: The harvest of that year was the worst in a decade.');
    expect(notes).toContain('glossary: harvest → урожай (The crop.)');
    expect(notes).toContain('comment: Edith Reviewer: Keep “harvest” as урожай <here> & there.');
    expect(notes).toContain('title: The harvest in XLIFF');
  });

  it('writes XLIFF 1.2 with the same units, revisions as context and states on the target', async () => {
    const xml = await download(workId, { format: 'xliff12', lang: 'ru' });
    const document = parse(xml);
    const root = document.documentElement as Element;
    expect([root.namespaceURI, root.getAttribute('version')]).toEqual([XLIFF_1_2, '1.2']);
    const file = elements(document, XLIFF_1_2, 'file')[0];
    expect([file?.getAttribute('source-language'), file?.getAttribute('target-language'), file?.getAttribute('datatype')]).toEqual(['en', 'ru', 'plaintext']);
    const units = elements(document, XLIFF_1_2, 'trans-unit');
    const twenty = parse(await download(workId, { format: 'xliff', lang: 'ru' }));
    expect(units.map((unit) => unit.getAttribute('id'))).toEqual(elements(twenty, XLIFF_2, 'unit').map((unit) => unit.getAttribute('id')));
    const states = new Set(units.map((unit) => elements(unit, XLIFF_1_2, 'target')[0]?.getAttribute('state')));
    expect(states).toEqual(new Set(['final', 'new']));
    expect(elements(document, XLIFF_1_2, 'context').filter((context) => context.getAttribute('context-type') === 'x-interlinear-target-revision')).toHaveLength(units.length);
    expect(elements(document, XLIFF_1_2, 'x').map((x) => x.getAttribute('ctype'))).toEqual(['pb', 'pb']);
  });

  it('turns exactly the edited targets into suggestions against the exported revisions; a text published since is a conflict', async () => {
    const db = getDb();
    const exported = await download(workId, { format: 'xliff', lang: 'ru' });
    const document = parse(exported);
    const units = elements(document, XLIFF_2, 'unit');
    const translated = units.filter((unit) => elements(unit, XLIFF_2, 'target').length > 0);
    const [edited, conflicting] = translated;
    if (!edited || !conflicting) throw new Error('Two translated units expected.');
    const targetOf = (unit: Element) => elements(unit, XLIFF_2, 'target')[0] as Element;
    targetOf(edited).textContent = 'Делегаты долго спорили об урожае.';
    targetOf(conflicting).textContent = 'Никто не согласился с цифрами.';
    const revisionOf = (unit: Element) => elements(unit, METADATA, 'meta').find((meta) => meta.getAttribute('type') === 'target-revision')?.textContent ?? null;
    const file = likeACatTool(new XMLSerializer().serializeToString(document));
    expect(file).toContain('state="translated"');
    expect(file).toMatch(/<unit[^>]* id="/u);
    expect(file).toContain('\n\t\t<unit');

    // Meanwhile, an editor publishes another text for the second unit's segment.
    const conflictingId = conflicting.getAttribute('id') as string;
    await publishText({ segmentId: conflictingId, language: 'ru', text: 'Цифры никто не принял.' });

    const report = await importXliff({ actor: volunteer.actor, workId, file: new File([file], 'harvest.xlf') });
    expect(report).toMatchObject({ version: '2.0', language: 'ru', units: units.length, suggested: 2, alreadySuggested: 0, skippedCount: 0 });
    expect(report.unchanged).toBe(units.length - 2);
    const suggestions = await db.suggestion.findMany({ where: { workId, authorId: volunteer.id }, orderBy: { createdAt: 'asc' }, select: { segmentId: true, text: true, status: true, baseRevisionId: true, language: true, kind: true } });
    expect(suggestions).toEqual([
      { segmentId: edited.getAttribute('id'), text: 'Делегаты долго спорили об урожае.', status: 'PENDING', baseRevisionId: revisionOf(edited), language: 'ru', kind: 'TRANSLATION' },
      { segmentId: conflictingId, text: 'Никто не согласился с цифрами.', status: 'PENDING', baseRevisionId: revisionOf(conflicting), language: 'ru', kind: 'TRANSLATION' },
    ]);
    // Nothing was published by the import.
    const published = await db.segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId: edited.getAttribute('id') as string, language: 'ru' } }, select: { publishedRevisionId: true } });
    expect(published.publishedRevisionId).toBe(revisionOf(edited));
    // The review queue shows the second as a conflict (its base is no longer the published text), the first not.
    const queue = await getReviewQueue({ actor: editor, filter: { workId } });
    const stale = Object.fromEntries(queue.items.map((item) => [item.segmentId, item.isStale]));
    expect(stale).toEqual({ [edited.getAttribute('id') as string]: false, [conflictingId]: true });

    // The same file again makes nothing new.
    const again = await importXliff({ actor: volunteer.actor, workId, file: new File([file], 'harvest.xlf') });
    expect(again).toMatchObject({ suggested: 0, alreadySuggested: 2, skippedCount: 0 });
    expect(await db.suggestion.count({ where: { workId, authorId: volunteer.id } })).toBe(2);
  });

  it('imports XLIFF 1.2 too, and an untranslated unit filled in is suggested against no revision', async () => {
    const db = getDb();
    const translator = await buildUser({ name: 'Otto Older-Tool' });
    const document = parse(await download(workId, { format: 'xliff12', lang: 'ru' }));
    const empty = elements(document, XLIFF_1_2, 'trans-unit').find((unit) => elements(unit, XLIFF_1_2, 'target')[0]?.getAttribute('state') === 'new');
    if (!empty) throw new Error('An untranslated unit expected.');
    const target = elements(empty, XLIFF_1_2, 'target')[0] as Element;
    target.textContent = 'Ада: С моста начнём?';
    target.setAttribute('state', 'translated');
    const report = await importXliff({ actor: translator.actor, workId, file: new File([likeACatTool(new XMLSerializer().serializeToString(document))], 'harvest.xlf') });
    expect(report).toMatchObject({ version: '1.2', suggested: 1, skippedCount: 0 });
    expect(await db.suggestion.findMany({ where: { authorId: translator.id }, select: { segmentId: true, baseRevisionId: true, text: true } })).toEqual([{ segmentId: empty.getAttribute('id'), baseRevisionId: null, text: 'Ада: С моста начнём?' }]);
  });

  it('skips units of another work and units without their revision, with reasons', async () => {
    const other = await buildLaidOutWork({ title: 'Another harvest', collectionId });
    await translateWork({ workId: other.workId, language: 'ru', translate: (text) => `Иначе: ${text}` });
    const document = parse(await download(other.workId, { format: 'xliff', lang: 'ru' }));
    const [first, second] = elements(document, XLIFF_2, 'unit');
    if (!first || !second) throw new Error('Units expected.');
    (elements(first, XLIFF_2, 'target')[0] as Element).textContent = 'Чужой текст.';
    (elements(second, XLIFF_2, 'target')[0] as Element).textContent = 'Тоже чужой.';
    const report = await importXliff({ actor: volunteer.actor, workId, file: new File([new XMLSerializer().serializeToString(document)], 'other.xlf') });
    expect(report).toMatchObject({ suggested: 0, unchanged: 0, skippedCount: report.units });
    expect(new Set(report.skipped.map((skip) => skip.reason))).toEqual(new Set(['other-work']));
    const own = parse(await download(workId, { format: 'xliff', lang: 'ru' }));
    const unit = elements(own, XLIFF_2, 'unit').find((entry) => elements(entry, XLIFF_2, 'target').length > 0) as Element;
    (elements(unit, XLIFF_2, 'target')[0] as Element).textContent = 'Без метаданных.';
    const metadata = elements(unit, METADATA, 'metadata')[0] as Element;
    unit.removeChild(metadata);
    const stripped = await importXliff({ actor: volunteer.actor, workId, file: new File([new XMLSerializer().serializeToString(own)], 'own.xlf') });
    expect(stripped).toMatchObject({ suggested: 0, skippedCount: 1 });
    expect(stripped.skipped[0]?.reason).toBe('no-revision');
  });

  it('refuses document types, entity expansion and external entities, other languages, and readers without an account', async () => {
    const billion = `<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<xliff version="2.0" xmlns="${XLIFF_2}" srcLang="en" trgLang="ru"><file id="f"><unit id="u"><segment><source>x</source><target>&b;</target></segment></unit></file></xliff>`;
    const external = `<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<xliff version="1.2" xmlns="${XLIFF_1_2}"><file original="x" source-language="en" target-language="ru" datatype="plaintext"><body><trans-unit id="u"><source>x</source><target>&secret;</target></trans-unit></body></file></xliff>`;
    const bare = `<!DOCTYPE xliff SYSTEM "xliff.dtd"><xliff version="1.2" xmlns="${XLIFF_1_2}"/>`;
    const undeclared = `<xliff version="2.0" xmlns="${XLIFF_2}" srcLang="en" trgLang="ru"><file id="f"><unit id="u"><segment><source>x</source><target>&lol;</target></segment></unit></file></xliff>`;
    for (const hostile of [billion, external, bare]) {
      await expect(importXliff({ actor: volunteer.actor, workId, file: new File([hostile], 'hostile.xlf') })).rejects.toThrow('declares a document type');
    }
    await expect(importXliff({ actor: volunteer.actor, workId, file: new File([undeclared], 'hostile.xlf') })).rejects.toThrow('not well-formed XML');
    const deep = `<xliff version="2.0" xmlns="${XLIFF_2}" srcLang="en" trgLang="ru">${'<a>'.repeat(100)}${'</a>'.repeat(100)}</xliff>`;
    await expect(importXliff({ actor: volunteer.actor, workId, file: new File([deep], 'deep.xlf') })).rejects.toThrow('more than 32 deep');
    const german = `<xliff version="2.0" xmlns="${XLIFF_2}" srcLang="en" trgLang="de"><file id="f"/></xliff>`;
    await expect(importXliff({ actor: volunteer.actor, workId, file: new File([german], 'de.xlf') })).rejects.toThrow('not translated into');
    await expect(importXliff({ actor: volunteer.actor, workId, file: new File(['<tmx version="1.4"/>'], 'a.xlf') })).rejects.toThrow('not XLIFF');
    expect(await errorCodeOf(importXliff({ actor: ANONYMOUS, workId, file: new File([german], 'de.xlf') }))).toBe('UNAUTHENTICATED');
    expect(await getDb().suggestion.count({ where: { workId, text: { contains: 'aaaa' } } })).toBe(0);

    // Over HTTP: a multipart upload by a signed-in volunteer, refused without a session.
    const form = (text: string) => {
      const data = new FormData();
      data.set('file', new File([text], 'harvest.xlf', { type: 'application/xliff+xml' }));
      return data;
    };
    const document = await download(workId, { format: 'xliff', lang: 'ru' });
    const anonymous = await callRoute(xliffImportRoute, `/api/works/${workId}/xliff`, { params: { workId }, init: { method: 'POST', body: form(document) } });
    expect(anonymous.status).toBe(401);
    const answered = await callRoute(xliffImportRoute, `/api/works/${workId}/xliff`, { params: { workId }, cookie: await sessionCookie(volunteer.id), init: { method: 'POST', body: form(document) } });
    expect(answered.status).toBe(201);
    expect(await answered.json()).toMatchObject({ version: '2.0', suggested: 0 });
    const refused = await callRoute(xliffImportRoute, `/api/works/${workId}/xliff`, { params: { workId }, cookie: await sessionCookie(volunteer.id), init: { method: 'POST', body: form(billion) } });
    expect(refused.status).toBe(422);
  });

  it('downloads XLIFF and TMX over HTTP; the TMX reads back with the memory’s reader', async () => {
    const xliff = await callRoute(workExportRoute, `/api/works/${workId}/export?format=xliff&lang=ru`, { params: { workId } });
    expect(xliff.status).toBe(200);
    expect(xliff.headers.get('content-type')).toBe('application/xliff+xml; charset=utf-8');
    expect(xliff.headers.get('content-disposition')).toMatch(/^attachment; filename=the-harvest-in-xliff\.en\.ru\.xlf;/u);
    const tmx = await callRoute(workExportRoute, `/api/works/${workId}/export?format=tmx`, { params: { workId } });
    expect(tmx.status).toBe(200);
    const bytes = new Uint8Array(await tmx.arrayBuffer());
    const units: TmxUnit[] = [];
    const reader = new TmxReader({ onUnit: (unit) => units.push(unit) });
    reader.write(bytes);
    reader.end();
    expect(reader.headerSource).toBe('en');
    const db = getDb();
    const translated = await db.segmentText.findMany({ where: { language: 'ru', publishedRevisionId: { not: null }, segment: { workId, retiredAt: null } }, select: { segmentId: true, publishedRevision: { select: { text: true } } } });
    expect(units).toHaveLength(translated.length);
    const ru = new Set(translated.map((text) => text.publishedRevision?.text.replace(/\s+/gu, ' ').trim()));
    for (const unit of units) {
      expect(unit.variants.map((variant) => variant.language)).toEqual(['en', 'ru']);
      expect(ru.has(unit.variants[1]?.text ?? '')).toBe(true);
    }
    for (const query of ['format=xliff&lang=en', 'format=xliff&lang=ru&with=en', 'format=tmx&lang=de']) {
      expect((await callRoute(workExportRoute, `/api/works/${workId}/export?${query}`, { params: { workId } })).status).toBe(422);
    }
  });
});
