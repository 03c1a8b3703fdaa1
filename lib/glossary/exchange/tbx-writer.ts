import { DOMImplementation, XMLSerializer, type Element } from '@xmldom/xmldom';

import type { GlossaryFileEntry } from './glossary-file';
import type { TermStatus } from '../glossary-values';

/** TBX's namespace (ISO 30042:2019). */
export const TBX_NAMESPACE = 'urn:iso:std:iso:30042:ed-2';
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

const ADMINISTRATIVE_STATUS: Record<TermStatus, string> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  forbidden: 'deprecatedTerm-admn-sts',
};

/** What the header of an exported file says. */
export interface TbxHeader {
  title: string;
  sourceLanguage: string;
  targetLanguage: string;
  createdAt: Date;
}

/**
 * Writes a TBX-Basic document (ISO 30042:2019, DCA style) piece by piece, so that an export of any
 * size streams: `start` gives the declaration, the root and the header and opens the body,
 * `entry` one `conceptEntry` (the term in the source language's `langSec`, with its part of
 * speech, its note as definition and its example as context; each translation a `termSec` of the
 * target language's, with its administrative status: preferred, admitted, or deprecated for a
 * forbidden one), `end` the closing. Every element holding data is built as a DOM node and
 * serialized by xmldom's XMLSerializer, which escapes every text and attribute and, with
 * `requireWellFormed`, refuses what XML cannot carry; the elements are written without a
 * namespace of their own and stand in the root's default namespace (TBX's). Pure.
 */
export class TbxWriter {
  private readonly document = new DOMImplementation().createDocument(null, 'tbx', null);
  private readonly serializer = new XMLSerializer();
  private sourceLanguage = '';
  private targetLanguage = '';
  private count = 0;

  /** The declaration, `<tbx …>`, the header, `<text><body>`. */
  start(header: TbxHeader): string {
    this.sourceLanguage = header.sourceLanguage;
    this.targetLanguage = header.targetLanguage;
    const root = this.element('tbx', { type: 'TBX-Basic', style: 'dca' });
    root.setAttributeNS(XML_NAMESPACE, 'xml:lang', header.sourceLanguage);
    root.setAttribute('xmlns', TBX_NAMESPACE);
    // The root is serialized empty and opened: its attributes are escaped like every other.
    const open = this.serialize(root).replace(/\/>$/u, '>');
    const tbxHeader = this.element('tbxHeader', {});
    const fileDesc = this.append(tbxHeader, this.element('fileDesc', {}));
    this.append(this.append(fileDesc, this.element('titleStmt', {})), this.element('title', {}, header.title));
    this.append(this.append(fileDesc, this.element('sourceDesc', {})), this.element('p', {}, `Exported from Interlinear on ${header.createdAt.toISOString().slice(0, 10)}: the approved terms of the glossary, ${header.sourceLanguage} to ${header.targetLanguage}.`));
    return `<?xml version="1.0" encoding="UTF-8"?>\n${open}\n  ${this.serialize(tbxHeader)}\n  <text>\n    <body>\n`;
  }

  /** One `conceptEntry`, indented, ending with a line break. */
  entry(entry: GlossaryFileEntry): string {
    this.count += 1;
    const concept = this.element('conceptEntry', { id: `c${this.count}` });
    const source = this.languageSection(concept, this.sourceLanguage);
    if (entry.note) this.append(source, this.element('descrip', { type: 'definition' }, entry.note));
    const term = this.append(source, this.element('termSec', {}));
    this.append(term, this.element('term', {}, entry.term));
    if (entry.partOfSpeech) this.append(term, this.element('termNote', { type: 'partOfSpeech' }, entry.partOfSpeech));
    if (entry.example) this.append(term, this.element('descrip', { type: 'context' }, entry.example));
    const target = this.languageSection(concept, this.targetLanguage);
    for (const translation of entry.translations) {
      const section = this.append(target, this.element('termSec', {}));
      this.append(section, this.element('term', {}, translation.text));
      this.append(section, this.element('termNote', { type: 'administrativeStatus' }, ADMINISTRATIVE_STATUS[translation.status]));
    }
    return `      ${this.serialize(concept)}\n`;
  }

  /** Closes the body, the text and the document. */
  end(): string {
    return '    </body>\n  </text>\n</tbx>\n';
  }

  private languageSection(concept: Element, language: string): Element {
    const section = this.element('langSec', {});
    section.setAttributeNS(XML_NAMESPACE, 'xml:lang', language);
    return this.append(concept, section);
  }

  private append(parent: Element, child: Element): Element {
    parent.appendChild(child);
    return child;
  }

  private element(name: string, attributes: Record<string, string>, text?: string): Element {
    const element = this.document.createElement(name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    if (text !== undefined) element.appendChild(this.document.createTextNode(text));
    return element;
  }

  private serialize(element: Element): string {
    return this.serializer.serializeToString(element, { requireWellFormed: true });
  }
}
