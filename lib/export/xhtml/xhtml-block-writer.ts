import type { Document, Element } from '@xmldom/xmldom';

import { xmlSafeText } from '../../segment/xml-safe-text';
import { isRightToLeft } from '../language-facts';
import type { ExportBlock, ExportLayout, SegmentRuns } from '../types';

export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
/** The namespace of `epub:type`. */
export const OPS_NS = 'http://www.idpf.org/2007/ops';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface XhtmlBlockWriterOptions {
  document: Document;
  /** EPUB content documents: `epub:type` and `xml:lang` besides the roles and `lang` of both. */
  isEpub: boolean;
  /** The languages shown, in order: one, or two side by side or alternating. */
  shown: readonly string[];
  arrangement: 'side-by-side' | 'alternating';
  /** Whether blocks carry ids (the table of contents, notes and pages link to them); not in a chapter's repeated original. */
  hasIds: boolean;
  /** Added to heading levels (a single HTML document's own title is its `h1`). */
  headingShift: number;
  /** Where a note's marker links to: `#n-…` in one document, `part-0007.xhtml#n-…` across an EPUB's files. */
  noteHref: (noteId: string) => string;
  /** Told of every printed page as it is written (an EPUB's page list). */
  onPage?: (page: { anchorId: string; label: string }) => void;
}

/**
 * Blocks as XHTML elements of `document` (an XML document for EPUB, an HTML one for a single
 * page): headings, paragraphs laid out as the reader lays them out (quotations, list items with
 * their markers, speaker turns with the speaker's name where a turn begins), notes as `<aside>`s
 * (`epub:type="footnote"`, or `endnote` for a volume's notes that stand apart from their
 * references), markers as links to them, printed pages as `pagebreak` marks. Two languages are
 * laid side by side (a two-column table per pair, which every reading system lays out) or one
 * after the other. Every text and attribute goes in as DOM text, so the serializer escapes it.
 */
export class XhtmlBlockWriter {
  private previousLayout: ExportLayout | null = null;

  constructor(private readonly options: XhtmlBlockWriterOptions) {}

  /** The elements of one block, in order (none when it has no text in the languages shown). */
  block(block: ExportBlock): Element[] {
    if (block.kind === 'pages') {
      this.previousLayout = null;
      const holder = this.element('div', { class: 'pages' });
      for (const page of block.pages) holder.appendChild(this.pageMark(page));
      return [holder];
    }
    if (block.kind === 'footnote') {
      this.previousLayout = null;
      return [this.note(block)];
    }
    const elements = this.perLanguage(block);
    this.previousLayout = block.kind === 'paragraph' ? block.layout : null;
    return elements;
  }

  private perLanguage(block: Extract<ExportBlock, { kind: 'heading' | 'paragraph' }>): Element[] {
    const { shown, arrangement, hasIds } = this.options;
    // Headings carry ids (the contents link to them); paragraphs need none.
    const id = hasIds && block.kind === 'heading' ? `s-${block.id}` : null;
    if (shown.length === 1) {
      // One language: where it has no text, the other language read stands in (marked as such), so nothing listed is missing.
      const [language] = shown as [string];
      const stand = block.texts[language] ? language : Object.keys(block.texts)[0];
      const element = stand === undefined ? null : this.languageElement(block, stand, stand !== language);
      if (!element) return [];
      if (id) element.setAttribute('id', id);
      // Pages that begin in a sentence only the other language has are marked here, so none is lost.
      const target = element.localName === 'blockquote' ? (element.firstChild as Element) : element;
      for (const [other, texts] of Object.entries(block.texts)) {
        if (other === stand) continue;
        for (const run of texts.flatMap((segment) => segment.runs)) if (run.type === 'page') target.appendChild(this.pageMark(run));
      }
      return [element];
    }
    if (arrangement === 'alternating') {
      const elements = shown.map((language) => this.languageElement(block, language, false)).filter((element): element is Element => element !== null);
      if (id && elements[0]) elements[0].setAttribute('id', id);
      return elements;
    }
    const table = this.element('table', { class: block.kind === 'heading' ? 'pair heading-pair' : 'pair' });
    if (id) table.setAttribute('id', id);
    const row = this.element('tr');
    for (const language of shown) {
      const cell = this.element('td');
      this.setLanguage(cell, language);
      const content = this.languageElement(block, language, false);
      if (content) cell.appendChild(content);
      row.appendChild(cell);
    }
    table.appendChild(row);
    return [table];
  }

  /** A heading or paragraph in one language, or null when it has no text there. */
  private languageElement(block: Extract<ExportBlock, { kind: 'heading' | 'paragraph' }>, language: string, isStandIn: boolean): Element | null {
    const texts = block.texts[language];
    if (!texts || texts.length === 0) return null;
    let element: Element;
    let target: Element;
    if (block.kind === 'heading') {
      element = this.element(`h${Math.min(block.level + this.options.headingShift, 6)}`);
      target = element;
    } else {
      ({ element, target } = this.paragraphShell(block.layout));
    }
    this.setLanguage(element, language);
    if (isStandIn) element.setAttribute('class', [element.getAttribute('class'), 'untranslated'].filter(Boolean).join(' '));
    this.appendRuns(target, texts);
    return element;
  }

  /** The paragraph element of a layout and the element its words go in. */
  private paragraphShell(layout: ExportLayout): { element: Element; target: Element } {
    if (layout.style === 'QUOTE') {
      const quote = this.element('blockquote');
      const paragraph = this.element('p');
      quote.appendChild(paragraph);
      return { element: quote, target: paragraph };
    }
    if (layout.style === 'LIST_ITEM') {
      const item = this.element('p', { class: `item depth-${Math.min(Math.max(layout.depth, 0), 8)}` });
      if (layout.marker) {
        item.appendChild(this.element('span', { class: 'marker' }, layout.marker));
        item.appendChild(this.text(' '));
      }
      return { element: item, target: item };
    }
    if (layout.style === 'SPEAKER_TURN') {
      const turn = this.element('p', { class: 'turn' });
      const previous = this.previousLayout;
      const isNewTurn = !(previous?.style === 'SPEAKER_TURN' && previous.speaker === layout.speaker);
      if (layout.speaker && isNewTurn) {
        turn.appendChild(this.element('b', { class: 'speaker' }, layout.speaker));
        turn.appendChild(this.text(' '));
      }
      return { element: turn, target: turn };
    }
    const paragraph = this.element('p');
    return { element: paragraph, target: paragraph };
  }

  /** A note with its label and its text in each language it has, linked to by its markers. */
  private note(block: Extract<ExportBlock, { kind: 'footnote' }>): Element {
    const { isEpub, hasIds } = this.options;
    const kind = block.isReferredFromOwnWork ? 'footnote' : 'endnote';
    const aside = this.element('aside', { class: `note ${kind}` });
    if (hasIds) aside.setAttribute('id', `n-${block.id}`);
    if (isEpub) aside.setAttributeNS(OPS_NS, 'epub:type', kind);
    if (kind === 'footnote') aside.setAttribute('role', 'doc-footnote');
    for (const [language, texts] of Object.entries(block.texts)) {
      const paragraph = this.element('p');
      this.setLanguage(paragraph, language);
      if (block.label) {
        paragraph.appendChild(this.element('span', { class: 'note-label' }, `${block.label}.`));
        paragraph.appendChild(this.text(' '));
      }
      this.appendRuns(paragraph, texts);
      aside.appendChild(paragraph);
    }
    return aside;
  }

  /** The segments' runs, a space between segments; an original standing in for a translation marked with its language. */
  private appendRuns(parent: Element, segments: readonly SegmentRuns[]): void {
    segments.forEach((segment, index) => {
      if (index > 0) parent.appendChild(this.text(' '));
      let target = parent;
      if (segment.isFallback) {
        target = this.element('span', { class: 'untranslated' });
        this.setLanguage(target, segment.language);
        parent.appendChild(target);
      }
      for (const run of segment.runs) {
        // Runs are XML-safe already (buildRuns): their words go in as they are.
        if (run.type === 'text') target.appendChild(run.isEmphasis ? this.emphasis(run.text) : this.options.document.createTextNode(run.text));
        else if (run.type === 'page') target.appendChild(this.pageMark(run));
        else target.appendChild(this.noteref(run.noteId, run.label));
      }
    });
  }

  private emphasis(words: string): Element {
    const element = this.options.document.createElementNS(XHTML_NS, 'em');
    element.appendChild(this.options.document.createTextNode(words));
    return element;
  }

  private noteref(noteId: string, label: string): Element {
    const sup = this.element('sup');
    const link = this.element('a', { class: 'noteref', href: this.options.noteHref(noteId), role: 'doc-noteref' }, label);
    if (this.options.isEpub) link.setAttributeNS(OPS_NS, 'epub:type', 'noteref');
    sup.appendChild(link);
    return sup;
  }

  private pageMark(page: { anchorId: string; label: string }): Element {
    const label = xmlSafeText(page.label).trim() || '?';
    const mark = this.element('span', { class: 'page', title: label, 'aria-label': label, role: 'doc-pagebreak' });
    if (this.options.hasIds) mark.setAttribute('id', `pg-${page.anchorId}`);
    if (this.options.isEpub) mark.setAttributeNS(OPS_NS, 'epub:type', 'pagebreak');
    this.options.onPage?.(page);
    return mark;
  }

  private setLanguage(element: Element, language: string): void {
    element.setAttribute('lang', language);
    if (this.options.isEpub) element.setAttributeNS(XML_NS, 'xml:lang', language);
    if (isRightToLeft(language)) element.setAttribute('dir', 'rtl');
  }

  private element(name: string, attributes: Record<string, string> = {}, text?: string): Element {
    const element = this.options.document.createElementNS(XHTML_NS, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, xmlSafeText(value));
    if (text !== undefined) element.appendChild(this.text(text));
    return element;
  }

  private text(text: string) {
    return this.options.document.createTextNode(xmlSafeText(text));
  }
}
