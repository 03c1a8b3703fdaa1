import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';

import { xmlSafeText } from '../../segment/xml-safe-text';
import { isRightToLeft } from '../language-facts';
import { titleLines } from '../title-page';
import type { ExportPlan } from '../types';
import { OPS_NS, XHTML_NS, XML_NS } from '../xhtml/xhtml-block-writer';

const OPF_NS = 'http://www.idpf.org/2007/opf';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const CONTAINER_NS = 'urn:oasis:names:tc:opendocument:xmlns:container';

/** Where the package document is, for `META-INF/container.xml`. */
export const PACKAGE_PATH = 'OEBPS/content.opf';

/** An item of the package's manifest (its href relative to the package document). */
export interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties?: string;
}

/** An entry of the navigation document: its label, where it leads, and the entries under it. */
export interface NavEntry {
  label: string;
  href: string;
  children: NavEntry[];
}

const implementation = new DOMImplementation();
const serializer = new XMLSerializer();

/**
 * A document as UTF-8 XML text after the fixed XML declaration (which the DOM has no node for):
 * xmldom escapes every text and attribute, and `requireWellFormed` refuses anything XML cannot
 * carry rather than writing it.
 */
export function serializeXml(document: Document): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializer.serializeToString(document, { requireWellFormed: true })}\n`;
}

/** `META-INF/container.xml`: where the package document is. Pure. */
export function containerDocument(): string {
  const document = implementation.createDocument(CONTAINER_NS, 'container', null);
  const root = document.documentElement as Element;
  root.setAttribute('version', '1.0');
  const rootfiles = document.createElementNS(CONTAINER_NS, 'rootfiles');
  const rootfile = document.createElementNS(CONTAINER_NS, 'rootfile');
  rootfile.setAttribute('full-path', PACKAGE_PATH);
  rootfile.setAttribute('media-type', 'application/oebps-package+xml');
  rootfiles.appendChild(rootfile);
  root.appendChild(rootfiles);
  return serializeXml(document);
}

/**
 * An XHTML content document: the language, a title, the book's stylesheet, and a body that
 * `build` fills with elements of the document it is given. Pure.
 */
export function contentDocument({ title, language, stylesheetHref, build }: { title: string; language: string; stylesheetHref: string; build: (document: Document, body: Element) => void }): string {
  const document = implementation.createDocument(XHTML_NS, 'html', implementation.createDocumentType('html', '', ''));
  const html = document.documentElement as Element;
  html.setAttributeNS(XMLNS_NS, 'xmlns:epub', OPS_NS);
  setLanguage(html, language);
  const head = xhtml(document, 'head');
  const meta = xhtml(document, 'meta');
  meta.setAttribute('charset', 'utf-8');
  head.appendChild(meta);
  head.appendChild(xhtml(document, 'title', xmlSafeText(title).trim() || 'Untitled'));
  const link = xhtml(document, 'link');
  link.setAttribute('rel', 'stylesheet');
  link.setAttribute('type', 'text/css');
  link.setAttribute('href', stylesheetHref);
  head.appendChild(link);
  html.appendChild(head);
  const body = xhtml(document, 'body');
  html.appendChild(body);
  build(document, body);
  return serializeXml(document);
}

/** The title page's body: the title and what the download says of itself (`titleLines`). Pure. */
export function buildTitlePage(plan: ExportPlan): (document: Document, body: Element) => void {
  return (document, body) => {
    const section = xhtml(document, 'section');
    section.setAttribute('class', 'title-page');
    section.setAttributeNS(OPS_NS, 'epub:type', 'titlepage');
    const heading = xhtml(document, 'h1', plan.title);
    setLanguage(heading, plan.sourceLanguage);
    section.appendChild(heading);
    for (const line of titleLines(plan)) {
      const paragraph = xhtml(document, 'p');
      paragraph.setAttribute('class', line.kind);
      if (line.href) {
        const link = xhtml(document, 'a', line.text);
        link.setAttribute('href', line.href);
        paragraph.appendChild(link);
      } else paragraph.appendChild(document.createTextNode(xmlSafeText(line.text)));
      section.appendChild(paragraph);
    }
    body.appendChild(section);
  };
}

/**
 * The package document: metadata (identifier, title, languages, author, translators as
 * contributors with the MARC role `trl`, edition as `dc:source`, licence as `dc:rights`,
 * provenance, the year when the date has one, last modification), manifest and spine. Pure.
 */
export function packageDocument({ plan, identifier, items, spine }: { plan: ExportPlan; identifier: string; items: readonly ManifestItem[]; spine: readonly string[] }): string {
  const document = implementation.createDocument(OPF_NS, 'package', null);
  const root = document.documentElement as Element;
  root.setAttribute('version', '3.0');
  root.setAttribute('unique-identifier', 'uid');
  root.setAttributeNS(XML_NS, 'xml:lang', plan.languages[0] ?? plan.sourceLanguage);
  const metadata = document.createElementNS(OPF_NS, 'metadata');
  metadata.setAttributeNS(XMLNS_NS, 'xmlns:dc', DC_NS);
  const dc = (name: string, text: string, id?: string) => {
    const element = document.createElementNS(DC_NS, `dc:${name}`);
    if (id) element.setAttribute('id', id);
    element.appendChild(document.createTextNode(oneLine(text)));
    metadata.appendChild(element);
    return element;
  };
  const meta = (property: string, text: string, attributes: Record<string, string> = {}) => {
    const element = document.createElementNS(OPF_NS, 'meta');
    element.setAttribute('property', property);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    element.appendChild(document.createTextNode(oneLine(text)));
    metadata.appendChild(element);
  };
  dc('identifier', identifier, 'uid');
  dc('identifier', `urn:uuid:${plan.id}`, 'source-id');
  dc('title', oneLine(plan.title) || 'Untitled', 'title');
  for (const language of plan.languages) dc('language', language);
  if (oneLine(plan.author)) {
    dc('creator', plan.author, 'author');
    meta('role', 'aut', { refines: '#author', scheme: 'marc:relators' });
  }
  let contributor = 0;
  for (const { names } of plan.translators) {
    for (const name of names) {
      contributor += 1;
      dc('contributor', name, `trl-${contributor}`);
      meta('role', 'trl', { refines: `#trl-${contributor}`, scheme: 'marc:relators' });
    }
  }
  const year = /\b(1\d{3}|20\d{2})\b/u.exec(plan.dateText)?.[1];
  if (year) dc('date', year);
  if (oneLine(plan.sourceEdition)) dc('source', plan.sourceEdition);
  if (oneLine(plan.licence)) dc('rights', plan.licence);
  const description = [plan.dateText, plan.provenance].map(oneLine).filter(Boolean).join('. ');
  if (description) dc('description', description);
  dc('publisher', `Interlinear — ${plan.collection.title}`);
  meta('dcterms:modified', plan.modified.toISOString().replace(/\.\d{3}Z$/u, 'Z'));
  root.appendChild(metadata);

  const manifest = document.createElementNS(OPF_NS, 'manifest');
  for (const item of items) {
    const element = document.createElementNS(OPF_NS, 'item');
    element.setAttribute('id', item.id);
    element.setAttribute('href', item.href);
    element.setAttribute('media-type', item.mediaType);
    if (item.properties) element.setAttribute('properties', item.properties);
    manifest.appendChild(element);
  }
  root.appendChild(manifest);
  const spineElement = document.createElementNS(OPF_NS, 'spine');
  if (plan.languages[0] && isRightToLeft(plan.languages[0])) spineElement.setAttribute('page-progression-direction', 'rtl');
  for (const idref of spine) {
    const element = document.createElementNS(OPF_NS, 'itemref');
    element.setAttribute('idref', idref);
    spineElement.appendChild(element);
  }
  root.appendChild(spineElement);
  return serializeXml(document);
}

/** The navigation document: the table of contents and, when the edition's pages are known, the page list. Pure. */
export function navDocument({ title, language, toc, pageList }: { title: string; language: string; toc: readonly NavEntry[]; pageList: readonly { label: string; href: string }[] }): string {
  return contentDocument({
    title,
    language,
    stylesheetHref: 'styles/book.css',
    build: (document, body) => {
      const contents = xhtml(document, 'nav');
      contents.setAttributeNS(OPS_NS, 'epub:type', 'toc');
      contents.setAttribute('id', 'toc');
      contents.appendChild(xhtml(document, 'h1', 'Contents'));
      contents.appendChild(navList(document, toc));
      body.appendChild(contents);
      if (pageList.length > 0) {
        const pages = xhtml(document, 'nav');
        pages.setAttributeNS(OPS_NS, 'epub:type', 'page-list');
        pages.setAttribute('id', 'page-list');
        pages.setAttribute('hidden', 'hidden');
        pages.appendChild(xhtml(document, 'h1', 'Pages'));
        pages.appendChild(navList(document, pageList.map((page) => ({ label: page.label, href: page.href, children: [] }))));
        body.appendChild(pages);
      }
    },
  });
}

function navList(document: Document, entries: readonly NavEntry[]): Element {
  const list = xhtml(document, 'ol');
  for (const entry of entries) {
    const item = xhtml(document, 'li');
    const link = xhtml(document, 'a', oneLine(entry.label) || 'Untitled');
    link.setAttribute('href', entry.href);
    item.appendChild(link);
    if (entry.children.length > 0) item.appendChild(navList(document, entry.children));
    list.appendChild(item);
  }
  return list;
}

function xhtml(document: Document, name: string, text?: string): Element {
  const element = document.createElementNS(XHTML_NS, name);
  if (text !== undefined) element.appendChild(document.createTextNode(xmlSafeText(text)));
  return element;
}

function setLanguage(element: Element, language: string): void {
  element.setAttribute('lang', language);
  element.setAttributeNS(XML_NS, 'xml:lang', language);
  if (isRightToLeft(language)) element.setAttribute('dir', 'rtl');
}

/** Metadata on one line, without what XML cannot carry. */
function oneLine(text: string): string {
  return xmlSafeText(text).replace(/\s+/gu, ' ').trim();
}
