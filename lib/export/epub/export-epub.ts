import { Readable } from 'node:stream';

import { v5 as uuidv5 } from 'uuid';
import { ZipFile } from 'yazl';

import { buildTitlePage, containerDocument, contentDocument, navDocument, packageDocument, type ManifestItem, type NavEntry } from './epub-documents';
import { languageEndonym, isRightToLeft } from '../language-facts';
import { PartReader } from '../part-reader';
import { partHolding, planParts, readingOf, type DocumentPart } from '../plan-parts';
import { buildTocTree, type TocNode } from '../toc-tree';
import type { BilingualLayout, BlockSource, ExportBlock, ExportPlan } from '../types';
import { BOOK_CSS } from '../xhtml/book-css';
import { XHTML_NS, XhtmlBlockWriter } from '../xhtml/xhtml-block-writer';

const XHTML_TYPE = 'application/xhtml+xml';

/** An EPUB's file of a part, relative to the package document. */
const partHref = (part: DocumentPart) => `text/part-${String(part.index + 1).padStart(4, '0')}.xhtml`;
const NOTES_HREF = 'text/notes.xhtml';

/**
 * The identifier of a download, stable across downloads: a name-based UUID (v5) in the
 * namespace of the work's or volume's own UUID, named by its languages and layout — the same
 * choice gives the same book (a reading system replaces it), another choice another book.
 */
export function epubIdentifier(plan: Pick<ExportPlan, 'id' | 'languages'>, layout: BilingualLayout): string {
  const name = plan.languages.length > 1 ? `${plan.languages.join('+')}/${layout}` : (plan.languages[0] ?? '');
  return `urn:uuid:${uuidv5(`interlinear-epub:${name}`, plan.id)}`;
}

/**
 * A download as an EPUB 3 package, zipped as it is written: `mimetype` first and stored, then
 * the container, the stylesheet, a title page, one XHTML file per part (each chapter begins a
 * file, and a long chapter is cut every few hundred blocks), the notes of other works it refers
 * to, the navigation document (contents from the headings; the page list of the printed edition)
 * and the package document (metadata, manifest, spine). Each file is one DOM document serialized
 * by xmldom; yazl reads a file's bytes only when the archive reaches it and the reader has taken
 * what came before, so memory holds one file at a time. Entries carry the text's last change as
 * their time, so the same text gives the same bytes.
 */
export function exportEpub({ plan, layout, source }: { plan: ExportPlan; layout: BilingualLayout; source: BlockSource }): AsyncIterable<Uint8Array> {
  const parts = planParts(plan, { layout, isSplitIntoFiles: true });
  const [language = plan.sourceLanguage] = plan.languages;
  const noteHrefs = noteTargets(plan, parts);
  const noteHref = (noteId: string) => (noteHrefs.get(noteId) ?? NOTES_HREF).replace(/^text\//u, '');
  const pageList: { label: string; href: string }[] = [];
  const reader = new PartReader(plan, layout, source);

  const zip = new ZipFile();
  const options = { mtime: plan.modified, forceDosTimestamp: true };
  const output = zip.outputStream as Readable;
  const fail = (error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error)));
  zip.on('error', fail);
  const addLazy = (path: string, write: () => Promise<string> | string) => {
    zip.addReadStreamLazy(path, options, (done) => {
      const stream = Readable.from(
        (async function* () {
          yield Buffer.from(await write(), 'utf8');
        })(),
      );
      stream.on('error', fail);
      done(null, stream);
    });
  };

  // The OCF's rules: `mimetype` first, stored, with no extra field (forceDosTimestamp).
  zip.addBuffer(Buffer.from('application/epub+zip', 'ascii'), 'mimetype', { ...options, compress: false });
  zip.addBuffer(Buffer.from(containerDocument(), 'utf8'), 'META-INF/container.xml', options);
  zip.addBuffer(Buffer.from(BOOK_CSS, 'utf8'), 'OEBPS/styles/book.css', options);
  addLazy('OEBPS/text/title.xhtml', () => contentDocument({ title: plan.title, language, stylesheetHref: '../styles/book.css', build: buildTitlePage(plan) }));
  for (const part of parts) {
    addLazy(`OEBPS/${partHref(part)}`, () => writePart({ plan, layout, reader, part, noteHref, onPage: (page) => pageList.push({ label: page.label, href: `${partHref(part)}#pg-${page.anchorId}` }) }));
  }
  if (plan.externalNotes.length > 0) addLazy(`OEBPS/${NOTES_HREF}`, () => writeNotes({ plan, source, noteHref }));
  // The navigation document comes after the parts, when every page has been seen.
  addLazy('OEBPS/nav.xhtml', () => navDocument({ title: plan.title, language, toc: navEntries(plan, parts), pageList }));
  const items: ManifestItem[] = [
    { id: 'nav', href: 'nav.xhtml', mediaType: XHTML_TYPE, properties: 'nav' },
    { id: 'css', href: 'styles/book.css', mediaType: 'text/css' },
    { id: 'title-page', href: 'text/title.xhtml', mediaType: XHTML_TYPE },
    ...parts.map((part) => ({ id: `part-${part.index + 1}`, href: partHref(part), mediaType: XHTML_TYPE })),
    ...(plan.externalNotes.length > 0 ? [{ id: 'notes', href: NOTES_HREF, mediaType: XHTML_TYPE }] : []),
  ];
  const spine = items.filter((item) => item.id !== 'nav' && item.id !== 'css').map((item) => item.id);
  addLazy('OEBPS/content.opf', () => packageDocument({ plan, identifier: epubIdentifier(plan, layout), items, spine }));
  zip.end();
  return output;
}

async function writePart({ plan, layout, reader, part, noteHref, onPage }: { plan: ExportPlan; layout: BilingualLayout; reader: PartReader; part: DocumentPart; noteHref: (noteId: string) => string; onPage: (page: { anchorId: string; label: string }) => void }): Promise<string> {
  const reading = readingOf(plan, layout, part);
  const blocks: ExportBlock[] = [];
  for await (const block of reader.blocks(part)) blocks.push(block);
  const [language = plan.sourceLanguage] = reading.shown;
  return contentDocument({
    title: part.work.title,
    language,
    stylesheetHref: '../styles/book.css',
    build: (document, body) => {
      if (part.isSecondPassStart) {
        const label = document.createElementNS(XHTML_NS, 'p');
        label.setAttribute('class', 'pass-label');
        label.setAttribute('lang', language);
        if (isRightToLeft(language)) label.setAttribute('dir', 'rtl');
        label.appendChild(document.createTextNode(languageEndonym(language)));
        body.appendChild(label);
      }
      const writer = new XhtmlBlockWriter({ document, isEpub: true, shown: reading.shown, arrangement: reading.arrangement, hasIds: reading.hasIds, headingShift: 0, noteHref, onPage });
      for (const block of blocks) for (const element of writer.block(block)) body.appendChild(element);
    },
  });
}

async function writeNotes({ plan, source, noteHref }: { plan: ExportPlan; source: BlockSource; noteHref: (noteId: string) => string }): Promise<string> {
  const blocks: ExportBlock[] = [];
  for await (const block of source.externalNotes()) blocks.push(block);
  const [language = plan.sourceLanguage] = plan.languages;
  return contentDocument({
    title: 'Notes',
    language,
    stylesheetHref: '../styles/book.css',
    build: (document, body) => {
      const heading = document.createElementNS(XHTML_NS, 'h1');
      heading.appendChild(document.createTextNode('Notes'));
      body.appendChild(heading);
      const writer = new XhtmlBlockWriter({ document, isEpub: true, shown: plan.languages, arrangement: 'alternating', hasIds: true, headingShift: 0, noteHref });
      for (const block of blocks) for (const element of writer.block(block)) body.appendChild(element);
    },
  });
}

/** Where each note written in the text is: the file of the main part holding it. */
function noteTargets(plan: ExportPlan, parts: readonly DocumentPart[]): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [noteId, place] of plan.notes) {
    const part = partHolding(parts, place.workId, place.orderKey);
    if (part) targets.set(noteId, `${partHref(part)}#n-${noteId}`);
  }
  for (const noteId of plan.externalNotes) targets.set(noteId, `${NOTES_HREF}#n-${noteId}`);
  return targets;
}

/** The contents as links into the parts: headings to their ids, a volume's works to their first file. */
function navEntries(plan: ExportPlan, parts: readonly DocumentPart[]): NavEntry[] {
  const toEntry = (node: TocNode): NavEntry => {
    const part = node.orderKey === null ? parts.find((candidate) => candidate.work.id === node.workId) : partHolding(parts, node.workId, node.orderKey);
    const file = part ? partHref(part) : 'text/title.xhtml';
    return { label: node.label, href: node.segmentId && part ? `${file}#s-${node.segmentId}` : file, children: node.children.map(toEntry) };
  };
  const entries = buildTocTree(plan).map(toEntry);
  const first = parts[0];
  return entries.length > 0 ? entries : [{ label: plan.title, href: first ? partHref(first) : 'text/title.xhtml', children: [] }];
}
