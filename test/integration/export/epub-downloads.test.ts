import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';

import { GET as workExportRoute } from '../../../app/api/works/[workId]/export/route';
import { ANONYMOUS } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { createDownload, databaseBlockSource } from '../../../lib/export/create-download';
import { exportEpub } from '../../../lib/export/epub/export-epub';
import { loadExportPlan } from '../../../lib/export/load-export-plan';
import { downloadQuerySchema } from '../../../lib/export/schemas';
import { describeMessages, epubcheck } from '../../helpers/epubcheck';
import { buildLaidOutWork, buildVolume, HOSTILE_TEXT, publishText, translateWork } from '../../helpers/export-fixtures';
import { buildCollection, buildUser, buildWork } from '../../helpers/factories';
import { callRoute } from '../../helpers/requests';
import { readZip, type ReadZipEntry } from '../../helpers/zip';

const EPUBCHECK_TIMEOUT = 120_000;
const XHTML = 'http://www.w3.org/1999/xhtml';
const OPS = 'http://www.idpf.org/2007/ops';

async function epub(target: { kind: 'work'; workId: string } | { kind: 'volume'; volumeId: string }, query: Record<string, string>): Promise<Buffer> {
  const download = await createDownload({ actor: ANONYMOUS, target, query: downloadQuerySchema.parse({ format: 'epub', ...query }) });
  expect(download.contentType).toBe('application/epub+zip');
  const chunks: Uint8Array[] = [];
  for await (const chunk of download.body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Checks a book with epubcheck (no error, no warning) and the OCF's rules on `mimetype`, and returns its files. */
async function checkedBook(bytes: Buffer): Promise<Map<string, ReadZipEntry>> {
  const { exitCode, messages } = await epubcheck(bytes);
  expect(describeMessages(messages)).toEqual([]);
  expect(exitCode).toBe(0);
  const entries = await readZip(bytes);
  expect(entries[0]).toMatchObject({ name: 'mimetype', method: 0, extraFieldLength: 0 });
  expect(entries[0]?.bytes.toString('ascii')).toBe('application/epub+zip');
  return new Map(entries.map((entry) => [entry.name, entry]));
}

/** A file of the book parsed as XML (refusing anything not well-formed). */
function xml(files: Map<string, ReadZipEntry>, name: string): Document {
  const entry = files.get(name);
  if (!entry) throw new Error(`No ${name} in the book`);
  return new DOMParser({ onError: (level, message) => { throw new Error(`${name}: ${level} ${message}`); } }).parseFromString(entry.bytes.toString('utf8'), 'application/xhtml+xml');
}

const elementsOf = (document: Document, name: string, namespace = XHTML): Element[] => Array.from(document.getElementsByTagNameNS(namespace, name));
const parts = (files: Map<string, ReadZipEntry>) => [...files.keys()].filter((name) => /^OEBPS\/text\/part-\d{4}\.xhtml$/u.test(name));
const textOf = (files: Map<string, ReadZipEntry>) => parts(files).map((name) => files.get(name)?.bytes.toString('utf8') ?? '').join('\n');

describe('EPUB downloads', () => {
  let workId: string;
  let collectionId: string;

  beforeAll(async () => {
    const collection = await buildCollection('Downloads: EPUB harvest');
    collectionId = collection.id;
    const translator = await buildUser({ name: 'Vera Translator' });
    const work = await buildLaidOutWork({ title: 'The harvest at Lowfield, in EPUB', collectionId });
    workId = work.workId;
    const db = getDb();
    await db.work.update({ where: { id: workId }, data: { licence: 'CC BY-SA 4.0', provenance: 'Typed from the 1931 printing.', dateText: 'May 3, 1931' } });
    await translateWork({ workId, language: 'ru', authorId: translator.id, translator: 'A. Printed', translate: (text) => (text.startsWith('Horses') ? null : `Перевод: ${text}`) });
    const first = await db.segment.findFirstOrThrow({ where: { workId, kind: 'SENTENCE' }, orderBy: { orderKey: 'asc' }, select: { id: true } });
    const text = 'The delegates argued about the harvest for a long time.';
    await publishText({ segmentId: first.id, language: 'en', text, emphasis: [{ start: text.indexOf('harvest'), end: text.indexOf('harvest') + 7 }] });
    const quote = await db.segmentText.findFirstOrThrow({ where: { language: 'en', segment: { workId, parent: { style: 'QUOTE' } } }, select: { segmentId: true } });
    await publishText({ segmentId: quote.segmentId, language: 'en', text: HOSTILE_TEXT, emphasis: [{ start: 0, end: 5 }] });
    await publishText({ segmentId: quote.segmentId, language: 'ru', text: `${HOSTILE_TEXT} שלום עולם` });
    const retired = await db.segmentText.findFirstOrThrow({ where: { language: 'en', segment: { workId }, publishedRevision: { text: { startsWith: 'Nobody in the hall' } } }, select: { segmentId: true } });
    await db.segment.update({ where: { id: retired.segmentId }, data: { retiredAt: new Date() } });
  });

  it('writes a valid book of one language with its notes, pages, emphasis, metadata and escaped hostile text', async () => {
    const bytes = await epub({ kind: 'work', workId }, {});
    const files = await checkedBook(bytes);
    const opf = xml(files, 'OEBPS/content.opf');
    const dc = (name: string) => Array.from(opf.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', name)).map((element) => element.textContent);
    expect(dc('title')).toEqual(['The harvest at Lowfield, in EPUB']);
    expect(dc('language')).toEqual(['en']);
    expect(dc('rights')).toEqual(['CC BY-SA 4.0']);
    expect(dc('date')).toEqual(['1931']);
    expect(dc('identifier')[0]).toMatch(/^urn:uuid:[0-9a-f-]{36}$/u);
    expect(dc('identifier')[1]).toBe(`urn:uuid:${workId}`);
    // The original has no translators.
    expect(dc('contributor')).toEqual([]);

    const text = textOf(files);
    const parsedParts = parts(files).map((name) => xml(files, name));
    // Footnotes: markers link to asides; the asterisk note and the numbered ones are the work's own.
    const noterefs = parsedParts.flatMap((document) => elementsOf(document, 'a')).filter((link) => link.getAttributeNS(OPS, 'type') === 'noteref');
    expect(noterefs.map((link) => link.textContent)).toEqual(['1', '2', '*']);
    const asides = parsedParts.flatMap((document) => elementsOf(document, 'aside'));
    expect(asides.map((aside) => aside.getAttributeNS(OPS, 'type'))).toEqual(['footnote', 'footnote', 'footnote']);
    // Emphasis, and the hostile text as text: no script element anywhere, controls gone.
    expect(parsedParts.flatMap((document) => elementsOf(document, 'em')).map((element) => element.textContent)).toEqual(['harvest', 'Close']);
    expect(parsedParts.flatMap((document) => elementsOf(document, 'script'))).toEqual([]);
    expect(text).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; ]]&gt; &lt;![CDATA[ x ]]&gt; [31m red \u200f\u202eRTL\u202c');
    expect(text).not.toContain('Nobody in the hall');

    // Page list from the printed edition, every link to a page mark that exists.
    const nav = xml(files, 'OEBPS/nav.xhtml');
    const [toc, pageList] = elementsOf(nav, 'nav');
    expect(toc?.getAttributeNS(OPS, 'type')).toBe('toc');
    expect(Array.from(toc?.getElementsByTagNameNS(XHTML, 'a') ?? []).map((link) => link.textContent)).toEqual(['ON THE HARVEST AT LOWFIELD', 'II. THE SECOND MEETING', 'NOTES']);
    expect(pageList?.getAttributeNS(OPS, 'type')).toBe('page-list');
    const pages = Array.from(pageList?.getElementsByTagNameNS(XHTML, 'a') ?? []);
    expect(pages.map((link) => link.textContent)).toEqual(['7', '8']);
    for (const link of pages) {
      const [file, id] = (link.getAttribute('href') ?? '').split('#');
      const mark = xml(files, `OEBPS/${file}`).getElementById(id ?? '');
      expect(mark?.getAttributeNS(OPS, 'type')).toBe('pagebreak');
    }

    // The same choice gives the same bytes.
    expect((await epub({ kind: 'work', workId }, {})).equals(bytes)).toBe(true);
  }, EPUBCHECK_TIMEOUT);

  it('lays two languages side by side in a valid book and credits the translators', async () => {
    const files = await checkedBook(await epub({ kind: 'work', workId }, { lang: 'ru', with: 'en', layout: 'side-by-side' }));
    const opf = xml(files, 'OEBPS/content.opf');
    expect(Array.from(opf.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'language')).map((element) => element.textContent)).toEqual(['ru', 'en']);
    const contributors = Array.from(opf.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'contributor'));
    expect(contributors.map((element) => element.textContent)).toEqual(['A. Printed', 'Vera Translator']);
    const roles = Array.from(opf.getElementsByTagName('meta')).filter((meta) => meta.getAttribute('property') === 'role').map((meta) => [meta.getAttribute('refines'), meta.textContent]);
    expect(roles).toEqual([['#trl-1', 'trl'], ['#trl-2', 'trl']]);
    const parsedParts = parts(files).map((name) => xml(files, name));
    const rows = parsedParts.flatMap((document) => elementsOf(document, 'tr'));
    expect(rows.length).toBeGreaterThan(8);
    for (const row of rows) expect(Array.from(row.getElementsByTagNameNS(XHTML, 'td')).map((cell) => cell.getAttribute('lang'))).toEqual(['ru', 'en']);
    // Notes hold both languages.
    const note = parsedParts.flatMap((document) => elementsOf(document, 'aside')).find((aside) => aside.textContent?.includes('worst in a decade'));
    expect(Array.from(note?.getElementsByTagNameNS(XHTML, 'p') ?? []).map((paragraph) => paragraph.getAttribute('lang'))).toEqual(['ru', 'en']);
  }, EPUBCHECK_TIMEOUT);

  it('alternates paragraphs in a valid book', async () => {
    const files = await checkedBook(await epub({ kind: 'work', workId }, { lang: 'en', with: 'ru', layout: 'alternating' }));
    const text = textOf(files);
    expect(text.indexOf('Shall we begin with the bridge at Lowfield?')).toBeLessThan(text.indexOf('Перевод: Shall we begin'));
    expect(text.indexOf('Перевод: Shall we begin')).toBeLessThan(text.indexOf('Who closed it after the flood?'));
    expect(text).not.toContain('<table');
  }, EPUBCHECK_TIMEOUT);

  it('follows each chapter with its original in a valid book, the original’s markers pointing at the notes already written', async () => {
    const files = await checkedBook(await epub({ kind: 'work', workId }, { lang: 'ru', with: 'en', layout: 'original-after-chapter' }));
    const names = parts(files);
    // Three chapters (the title's, "II.", "NOTES"), each in Russian then in English.
    expect(names).toHaveLength(6);
    const languages = names.map((name) => xml(files, name).documentElement?.getAttribute('lang'));
    expect(languages).toEqual(['ru', 'en', 'ru', 'en', 'ru', 'en']);
    const second = xml(files, names[1] as string);
    expect(elementsOf(second, 'p').find((paragraph) => paragraph.getAttribute('class') === 'pass-label')?.textContent).toBe('English');
    expect(elementsOf(second, 'aside')).toEqual([]);
    const refs = elementsOf(second, 'a').map((link) => link.getAttribute('href'));
    expect(refs.length).toBe(2);
    expect(refs.every((href) => href?.startsWith('part-0005.xhtml#n-'))).toBe(true);
  }, EPUBCHECK_TIMEOUT);

  it('writes a volume’s works in printed order as one valid book, and a work’s notes printed in another work at its end', async () => {
    const volumeCollection = await buildCollection('Downloads: EPUB volume');
    const opening = await buildWork({ collectionId: volumeCollection.id, title: 'Before the harvest', text: '# Before the Harvest\n\nThe first piece printed in the volume.\n\nIt has no notes of its own.\n' });
    const harvest = await buildLaidOutWork({ title: 'Harvest, in the volume', collectionId: volumeCollection.id });
    const volumeId = await buildVolume({ title: 'Lowfield Papers', workIds: [opening.workId, harvest.workId] });
    // The opening piece's second sentence refers to the harvest's first note, as a volume's notes at its end are referred to.
    const db = getDb();
    const note = await db.segment.findFirstOrThrow({ where: { workId: harvest.workId, kind: 'FOOTNOTE', label: '1' }, select: { id: true } });
    const sentence = await db.segment.findFirstOrThrow({ where: { workId: opening.workId, kind: 'SENTENCE' }, orderBy: { orderKey: 'desc' }, select: { id: true } });
    await db.footnoteRef.create({ data: { segmentId: sentence.id, footnoteId: note.id, label: '1', charOffset: 11 } });

    const volume = await checkedBook(await epub({ kind: 'volume', volumeId }, {}));
    const nav = xml(volume, 'OEBPS/nav.xhtml');
    const top = Array.from(elementsOf(nav, 'ol')[0]?.childNodes ?? []).filter((node): node is Element => node.nodeName === 'li').map((item) => item.getElementsByTagNameNS(XHTML, 'a')[0]?.textContent);
    expect(top).toEqual(['Before the harvest', 'Harvest, in the volume']);
    const text = textOf(volume);
    expect(text.indexOf('The first piece printed')).toBeLessThan(text.indexOf('ON THE HARVEST'));
    expect(volume.has('OEBPS/text/notes.xhtml')).toBe(false);

    const alone = await checkedBook(await epub({ kind: 'work', workId: opening.workId }, {}));
    const notes = xml(alone, 'OEBPS/text/notes.xhtml');
    const asides = elementsOf(notes, 'aside');
    expect(asides.map((aside) => [aside.getAttributeNS(OPS, 'type'), aside.getAttribute('id')])).toEqual([['endnote', `n-${note.id}`]]);
    expect(textOf(alone)).toContain(`href="notes.xhtml#n-${note.id}"`);
  }, EPUBCHECK_TIMEOUT);

  it('cuts long chapters into files of a few blocks, every link across them still landing', async () => {
    for (const layout of ['original-after-chapter', 'side-by-side'] as const) {
      const plan = await loadExportPlan({ actor: ANONYMOUS, target: { kind: 'work', workId }, lang: 'ru', with: 'en', blocksPerFile: 2 });
      expect(plan.works[0]?.fileBreaks.length).toBeGreaterThan(3);
      const chunks: Uint8Array[] = [];
      for await (const chunk of exportEpub({ plan, layout, source: databaseBlockSource(getDb(), plan) })) chunks.push(chunk);
      // epubcheck follows every link between files: notes, pages and contents.
      const files = await checkedBook(Buffer.concat(chunks));
      expect(parts(files).length).toBeGreaterThan(layout === 'side-by-side' ? 6 : 12);
      const pages = Array.from(xml(files, 'OEBPS/nav.xhtml').getElementsByTagNameNS(XHTML, 'nav')[1]?.getElementsByTagNameNS(XHTML, 'a') ?? []);
      expect(pages.map((link) => link.textContent)).toEqual(['7', '8']);
    }
  }, 2 * EPUBCHECK_TIMEOUT);

  it('answers ?format=epub with a book, not JSON Lines', async () => {
    const response = await callRoute(workExportRoute, `/api/works/${workId}/export?format=epub&lang=ru`, { params: { workId } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/epub+zip');
    expect(response.headers.get('content-disposition')).toContain('filename=the-harvest-at-lowfield-in-epub.ru.epub');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(30, 38).toString('ascii')).toBe('mimetype');
  });
});
