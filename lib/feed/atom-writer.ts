import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';

import { xmlSafeText } from '../segment/xml-safe-text';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** Dublin Core terms, for entries' languages (OPDS 1.2 §5.1). */
export const DC_TERMS_NS = 'http://purl.org/dc/terms/';
export const OPDS_NS = 'http://opds-spec.org/2010/catalog';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** The media types of OPDS catalogues (OPDS 1.2 §2) and of a plain Atom feed. */
export const OPDS_NAVIGATION_TYPE = 'application/atom+xml;profile=opds-catalog;kind=navigation';
export const OPDS_ACQUISITION_TYPE = 'application/atom+xml;profile=opds-catalog;kind=acquisition';
export const ATOM_TYPE = 'application/atom+xml';
/** The link relation of a download (OPDS 1.2 §5.2: the generic acquisition; every text here is free to take). */
export const ACQUISITION_REL = 'http://opds-spec.org/acquisition';

export interface AtomLink {
  rel: string;
  href: string;
  type?: string;
  title?: string;
}

export interface AtomEntry {
  /** An IRI that never changes (`urn:uuid:…`). */
  id: string;
  title: string;
  updated: Date;
  authors: string[];
  /** Plain text summary. */
  summary?: string;
  /** BCP 47 tags of the texts, as `dcterms:language` (OPDS). */
  languages?: string[];
  /** Subjects, as `atom:category` terms. */
  categories?: string[];
  links: AtomLink[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  updated: Date;
  /** The feed's author (Atom requires one on the feed or on every entry). */
  author: { name: string; uri: string };
  links: AtomLink[];
  entries: AtomEntry[];
}

/**
 * An Atom 1.0 feed document (RFC 4287) — also an OPDS 1.2 catalogue when its links say so —
 * built as a DOM and serialized by xmldom with `requireWellFormed` (every text escaped, anything
 * XML cannot carry refused; texts lose such characters first). Dates in RFC 3339, UTC. Pure.
 */
export function writeAtomFeed(feed: AtomFeed): string {
  const document = new DOMImplementation().createDocument(ATOM_NS, 'feed', null);
  const root = document.documentElement as Element;
  root.setAttributeNS(XMLNS_NS, 'xmlns:dcterms', DC_TERMS_NS);
  root.setAttributeNS(XMLNS_NS, 'xmlns:opds', OPDS_NS);
  append(document, root, 'id', feed.id);
  append(document, root, 'title', feed.title);
  if (feed.subtitle) append(document, root, 'subtitle', feed.subtitle);
  append(document, root, 'updated', rfc3339(feed.updated));
  const author = append(document, root, 'author');
  append(document, author, 'name', feed.author.name);
  append(document, author, 'uri', feed.author.uri);
  for (const link of feed.links) appendLink(document, root, link);
  for (const entry of feed.entries) {
    const element = append(document, root, 'entry');
    append(document, element, 'id', entry.id);
    append(document, element, 'title', entry.title.trim() || 'Untitled');
    append(document, element, 'updated', rfc3339(entry.updated));
    for (const name of entry.authors.filter((value) => value.trim())) append(document, append(document, element, 'author'), 'name', name);
    for (const language of entry.languages ?? []) {
      const dc = document.createElementNS(DC_TERMS_NS, 'dcterms:language');
      dc.appendChild(document.createTextNode(language));
      element.appendChild(dc);
    }
    for (const term of entry.categories ?? []) {
      const category = append(document, element, 'category');
      category.setAttribute('term', clean(term));
    }
    if (entry.summary) append(document, element, 'summary', entry.summary).setAttribute('type', 'text');
    for (const link of entry.links) appendLink(document, element, link);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(document, { requireWellFormed: true })}\n`;
}

/** A date as Atom writes it (RFC 3339, UTC, whole seconds). */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/u, 'Z');
}

function append(document: Document, parent: Element, name: string, text?: string): Element {
  const element = document.createElementNS(ATOM_NS, name);
  if (text !== undefined) element.appendChild(document.createTextNode(clean(text)));
  parent.appendChild(element);
  return element;
}

function appendLink(document: Document, parent: Element, link: AtomLink): void {
  const element = append(document, parent, 'link');
  element.setAttribute('rel', link.rel);
  element.setAttribute('href', link.href);
  if (link.type) element.setAttribute('type', link.type);
  if (link.title) element.setAttribute('title', clean(link.title));
}

function clean(text: string): string {
  return xmlSafeText(text).replace(/\s+/gu, ' ').trim();
}
