import { createHash } from 'node:crypto';

import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';

import { BOOK_CSS } from './book-css';
import { XHTML_NS, XhtmlBlockWriter } from './xhtml-block-writer';
import { xmlSafeText } from '../../segment/xml-safe-text';
import { isRightToLeft, languageEndonym } from '../language-facts';
import { PartReader } from '../part-reader';
import { planParts, readingOf } from '../plan-parts';
import { titleLines } from '../title-page';
import { buildTocTree, type TocNode } from '../toc-tree';
import type { BilingualLayout, BlockSource, ExportPlan } from '../types';

/** Elements serialized at once while the blocks stream. */
const ELEMENTS_PER_CHUNK = 200;
const BLOCKS_MARK = 'interlinear-blocks';

/**
 * A download as one self-contained HTML page, in pieces as its blocks are read: the title page,
 * the contents, the text in the chosen layout, the notes of other works it refers to, and a
 * colophon. One `<style>` element and nothing else outside the page (no script, image, font or
 * style attribute); its own Content-Security-Policy allows that style by its hash and nothing
 * more, so the page stays inert wherever it is opened. Built as a DOM and serialized by xmldom
 * (which escapes every text and attribute): the frame once, around a marker where the blocks go,
 * and the blocks a few hundred elements at a time, so memory stays flat for a volume. Pure.
 */
export async function* writeHtmlDocument({ plan, layout, source }: { plan: ExportPlan; layout: BilingualLayout; source: BlockSource }): AsyncGenerator<string> {
  const document = new DOMImplementation().createHTMLDocument();
  const serializer = new XMLSerializer();
  const [head, tail] = frame(document, plan, serializer);
  yield head;

  const parts = planParts(plan, { layout, isSplitIntoFiles: false });
  const reader = new PartReader(plan, layout, source);
  const noteHref = (noteId: string) => `#n-${noteId}`;
  let pending: Element[] = [];
  const flush = () => {
    const chunk = serializeChildren(document, serializer, pending);
    pending = [];
    return chunk;
  };
  for (const part of parts) {
    if (part.isWorkStart && plan.kind === 'volume') pending.push(element(document, 'div', { class: 'work-start', id: `w-${part.work.id}` }));
    const reading = readingOf(plan, layout, part);
    if (part.isSecondPassStart) {
      const [language] = reading.shown;
      if (language) pending.push(languageLabel(document, language));
    }
    const writer = new XhtmlBlockWriter({ document, isEpub: false, shown: reading.shown, arrangement: reading.arrangement, hasIds: reading.hasIds, headingShift: 1, noteHref });
    for await (const block of reader.blocks(part)) {
      pending.push(...writer.block(block));
      if (pending.length >= ELEMENTS_PER_CHUNK) yield flush();
    }
  }
  if (plan.externalNotes.length > 0) {
    pending.push(element(document, 'h2', { class: 'notes-heading' }, 'Notes'));
    const writer = new XhtmlBlockWriter({ document, isEpub: false, shown: plan.languages, arrangement: 'alternating', hasIds: true, headingShift: 1, noteHref });
    for await (const block of source.externalNotes()) {
      pending.push(...writer.block(block));
      if (pending.length >= ELEMENTS_PER_CHUNK) yield flush();
    }
  }
  if (pending.length > 0) yield flush();
  yield tail;
}

/** The page around the blocks: everything before the marker where they go, and everything after. */
function frame(document: Document, plan: ExportPlan, serializer: XMLSerializer): [string, string] {
  const html = document.documentElement as Element;
  const [main] = plan.languages;
  html.setAttribute('lang', main ?? plan.sourceLanguage);
  if (main && isRightToLeft(main)) html.setAttribute('dir', 'rtl');
  const head = document.getElementsByTagName('head')[0] as Element;
  const body = document.getElementsByTagName('body')[0] as Element;
  const styleHash = createHash('sha256').update(BOOK_CSS, 'utf8').digest('base64');
  head.appendChild(element(document, 'meta', { charset: 'utf-8' }));
  // The policy comes before the style it allows, and allows nothing else: no script runs, nothing is fetched.
  head.appendChild(element(document, 'meta', { 'http-equiv': 'Content-Security-Policy', content: `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'` }));
  head.appendChild(element(document, 'meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }));
  head.appendChild(element(document, 'title', {}, plan.title));
  head.appendChild(element(document, 'meta', { name: 'generator', content: 'Interlinear' }));
  head.appendChild(element(document, 'style', {}, BOOK_CSS));

  const page = element(document, 'div', { class: 'page-frame' });
  body.appendChild(page);
  const header = element(document, 'header', { class: 'title-page' });
  const title = element(document, 'h1', { lang: plan.sourceLanguage }, plan.title);
  header.appendChild(title);
  for (const line of titleLines(plan)) {
    const paragraph = element(document, 'p', { class: line.kind });
    paragraph.appendChild(line.href ? element(document, 'a', { href: line.href }, line.text) : document.createTextNode(xmlSafeText(line.text)));
    header.appendChild(paragraph);
  }
  page.appendChild(header);

  const toc = buildTocTree(plan);
  if (toc.length > 0) {
    const nav = element(document, 'nav', { class: 'toc', role: 'doc-toc', 'aria-labelledby': 'toc-heading' });
    nav.appendChild(element(document, 'h2', { id: 'toc-heading' }, 'Contents'));
    nav.appendChild(tocList(document, toc));
    page.appendChild(nav);
  }
  const text = element(document, 'main', {});
  text.appendChild(document.createComment(BLOCKS_MARK));
  page.appendChild(text);
  const colophon = element(document, 'footer', { class: 'colophon' }, `Downloaded from Interlinear. Texts as published on ${plan.modified.toISOString().slice(0, 10)}.`);
  page.appendChild(colophon);

  const whole = `${serializer.serializeToString(document)}\n`;
  const [before, after, ...rest] = whole.split(`<!--${BLOCKS_MARK}-->`);
  if (before === undefined || after === undefined || rest.length > 0) throw new Error('The page frame has no single place for the text.');
  return [before, after];
}

function tocList(document: Document, nodes: readonly TocNode[]): Element {
  const list = element(document, 'ol', {});
  for (const node of nodes) {
    const item = element(document, 'li', {});
    item.appendChild(element(document, 'a', { href: node.segmentId ? `#s-${node.segmentId}` : `#w-${node.workId}` }, node.label));
    if (node.children.length > 0) item.appendChild(tocList(document, node.children));
    list.appendChild(item);
  }
  return list;
}

function languageLabel(document: Document, language: string): Element {
  const label = element(document, 'p', { class: 'pass-label', lang: language }, languageEndonym(language));
  if (isRightToLeft(language)) label.setAttribute('dir', 'rtl');
  return label;
}

function element(document: Document, name: string, attributes: Record<string, string>, text?: string): Element {
  const node = document.createElementNS(XHTML_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, xmlSafeText(value));
  if (text !== undefined) node.appendChild(document.createTextNode(xmlSafeText(text)));
  return node;
}

/**
 * Elements serialized in a row: put in a bare `<div>` serialized whole, whose own tags are taken
 * off — so they are written in the namespace their parent in the page declares, without each
 * repeating it.
 */
function serializeChildren(document: Document, serializer: XMLSerializer, elements: readonly Element[]): string {
  const holder = document.createElementNS(XHTML_NS, 'div');
  for (const node of elements) holder.appendChild(node);
  const whole = serializer.serializeToString(holder);
  const open = `<div xmlns="${XHTML_NS}">`;
  if (!whole.startsWith(open) || !whole.endsWith('</div>')) throw new Error('Unexpected serialization of a block.');
  return `${whole.slice(open.length, -'</div>'.length)}\n`;
}
