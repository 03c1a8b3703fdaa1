import { DOMImplementation, XMLSerializer, type Element } from '@xmldom/xmldom';

import type { ExchangeUnit } from './read-exchange-units';
import { contextType, META, NO_REVISION, REVISION_GROUP, XLIFF_1_2_NAMESPACE, XLIFF_2_NAMESPACE, XLIFF_METADATA_NAMESPACE } from './xliff-vocabulary';
import { xmlSafeText } from '../../segment/xml-safe-text';

export type XliffVersion = '2.0' | '1.2';

/** A work's `<file>`: its id, title and languages. */
export interface XliffFileHeader {
  workId: string;
  title: string;
  sourceLanguage: string;
  targetLanguage: string;
}

/**
 * Writes an XLIFF document (2.0, or 1.2 for older tools) piece by piece, so that a volume of any
 * size streams: `start` gives the declaration and the root, `fileStart`/`fileEnd` open and close
 * one work's `<file>`, `unit` one segment, `end` the closing. Each unit is a DOM element of
 * `@xmldom/xmldom` serialized by its XMLSerializer (every text and attribute escaped,
 * `requireWellFormed`), texts first cleared of what XML cannot carry (`xml-safe-text.ts`); only
 * the fixed envelope is written as it stands. The unit's id is the segment's id; the revisions
 * of its source and target are metadata (2.0 `mda:meta`, 1.2 `context`), the translation's state
 * is 2.0 `initial`/`final` (1.2 `new`/`final`), printed pages are page-break placeholders in the
 * source (2.0 `<ph subType="xlf:pb">`, 1.2 `<x ctype="pb">`), and footnotes, glossary terms and
 * open discussions are notes. Pure.
 */
export class XliffWriter {
  private readonly document = new DOMImplementation().createDocument(null, 'xliff', null);
  private readonly serializer = new XMLSerializer();

  constructor(private readonly version: XliffVersion) {}

  /** The XML declaration and the root element's start tag. */
  start({ sourceLanguage, targetLanguage }: { sourceLanguage: string; targetLanguage: string }): string {
    const root = this.element('xliff', this.version === '2.0'
      ? { xmlns: XLIFF_2_NAMESPACE, 'xmlns:mda': XLIFF_METADATA_NAMESPACE, version: '2.0', srcLang: sourceLanguage, trgLang: targetLanguage }
      : { xmlns: XLIFF_1_2_NAMESPACE, version: '1.2' });
    // The root as an empty element, opened: its attributes escaped by the serializer.
    return `<?xml version="1.0" encoding="UTF-8"?>\n${this.serialize(root).replace(/\/>$/u, '>')}\n`;
  }

  /** Opens one work's `<file>` (with its title as a note, 2.0; and its `<body>`, 1.2). */
  fileStart(header: XliffFileHeader): string {
    if (this.version === '2.0') {
      const file = this.element('file', { id: `w${header.workId}`, original: `interlinear:work:${header.workId}` });
      const notes = this.element('notes', {});
      notes.appendChild(this.element('note', { category: 'title' }, header.title));
      file.appendChild(notes);
      return `  ${this.serialize(file).replace(/<\/file>$/u, '')}\n`;
    }
    const file = this.element('file', { original: `interlinear:work:${header.workId}`, 'source-language': header.sourceLanguage, 'target-language': header.targetLanguage, datatype: 'plaintext', 'product-name': header.title });
    return `  ${this.serialize(file).replace(/\/>$/u, '>')}\n    <body>\n`;
  }

  fileEnd(): string {
    return this.version === '2.0' ? '  </file>\n' : '    </body>\n  </file>\n';
  }

  end(): string {
    return '</xliff>\n';
  }

  /** One segment as a 2.0 `<unit>` or a 1.2 `<trans-unit>`, ending with a line break. */
  unit(unit: ExchangeUnit): string {
    return this.version === '2.0' ? `    ${this.serialize(this.unit20(unit))}\n` : `      ${this.serialize(this.unit12(unit))}\n`;
  }

  private unit20(unit: ExchangeUnit): Element {
    const element = this.element('unit', { id: unit.segmentId, ...(unit.isGrouped ? { translate: 'no' } : {}) });
    const metadata = this.element('mda:metadata', {});
    const group = this.element('mda:metaGroup', { category: REVISION_GROUP });
    for (const [type, value] of metaOf(unit)) group.appendChild(this.element('mda:meta', { type }, value));
    metadata.appendChild(group);
    element.appendChild(metadata);
    const notes = notesOf(unit);
    if (notes.length > 0) {
      const list = this.element('notes', {});
      for (const note of notes) list.appendChild(this.element('note', { category: note.category }, note.text));
      element.appendChild(list);
    }
    const segment = this.element('segment', { id: 's1', state: unit.targetRevisionId ? 'final' : 'initial' });
    const source = this.element('source', {});
    this.appendWithPages(source, unit, (index, label) => this.element('ph', { id: `pb${index + 1}`, type: 'fmt', subType: 'xlf:pb', disp: `[p. ${label}]`, equiv: '' }));
    segment.appendChild(source);
    if (unit.targetRevisionId) segment.appendChild(this.element('target', {}, unit.targetText));
    element.appendChild(segment);
    return element;
  }

  private unit12(unit: ExchangeUnit): Element {
    const element = this.element('trans-unit', { id: unit.segmentId, ...(unit.isGrouped ? { translate: 'no' } : {}) });
    const source = this.element('source', {});
    this.appendWithPages(source, unit, (index, label) => this.element('x', { id: `pb${index + 1}`, ctype: 'pb', 'equiv-text': `[p. ${label}]` }));
    element.appendChild(source);
    if (unit.targetRevisionId) element.appendChild(this.element('target', { state: 'final' }, unit.targetText));
    else element.appendChild(this.element('target', { state: 'new' }, ''));
    const group = this.element('context-group', { name: REVISION_GROUP, purpose: 'information' });
    for (const [type, value] of metaOf(unit)) group.appendChild(this.element('context', { 'context-type': contextType(type) }, value));
    element.appendChild(group);
    for (const note of notesOf(unit)) element.appendChild(this.element('note', { from: note.category }, note.text));
    return element;
  }

  /** The source's text with a placeholder where each printed page begins. */
  private appendWithPages(parent: Element, unit: ExchangeUnit, placeholder: (index: number, label: string) => Element): void {
    const text = unit.sourceText;
    let at = 0;
    unit.pages.forEach((page, index) => {
      const offset = Math.max(at, Math.min(text.length, page.offset));
      if (offset > at) parent.appendChild(this.document.createTextNode(xmlSafeText(text.slice(at, offset))));
      parent.appendChild(placeholder(index, xmlSafeText(page.label)));
      at = offset;
    });
    if (at < text.length) parent.appendChild(this.document.createTextNode(xmlSafeText(text.slice(at))));
  }

  private element(name: string, attributes: Record<string, string>, text?: string): Element {
    const element = this.document.createElement(name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, xmlSafeText(value).replace(/\s+/gu, ' '));
    if (text !== undefined) element.appendChild(this.document.createTextNode(xmlSafeText(text)));
    return element;
  }

  private serialize(element: Element): string {
    return this.serializer.serializeToString(element, { requireWellFormed: true });
  }
}

function metaOf(unit: ExchangeUnit): [(typeof META)[keyof typeof META], string][] {
  return [
    [META.sourceRevision, unit.sourceRevisionId],
    [META.targetRevision, unit.targetRevisionId ?? NO_REVISION],
    [META.kind, unit.kind.toLowerCase()],
  ];
}

/** The unit's notes: its footnotes, the glossary terms of its original, its open discussions, and a grouped translation said so. */
function notesOf(unit: ExchangeUnit): { category: string; text: string }[] {
  const notes: { category: string; text: string }[] = [];
  if (unit.isGrouped) notes.push({ category: 'interlinear', text: 'Translated together with the previous segment: its translation is part of that one’s.' });
  for (const note of unit.footnotes) notes.push({ category: 'footnote', text: [`[${note.label}] ${note.source}`, note.target ? `— ${note.target}` : ''].filter(Boolean).join(' ') });
  for (const term of unit.glossary) {
    const translations = term.translations.length > 0 ? term.translations.join('; ') : '(no translation yet)';
    notes.push({ category: 'glossary', text: `${term.term} → ${translations}${term.note ? ` (${term.note})` : ''}` });
  }
  for (const comment of unit.comments) notes.push({ category: 'comment', text: comment.author ? `${comment.author}: ${comment.body}` : comment.body });
  return notes;
}
