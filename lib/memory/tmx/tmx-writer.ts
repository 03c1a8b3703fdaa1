import { DOMImplementation, XMLSerializer, type Element } from '@xmldom/xmldom';

import { formatTmxDate } from './tmx-date';
import { attributeText, xmlSafeText } from './xml-text';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** What the header of an exported file says. */
export interface TmxHeader {
  sourceLanguage: string;
  /** Written as the header's creation date. */
  createdAt: Date;
}

/** One translation unit to write: a source and a target variant with who made it and when. */
export interface TmxOutputUnit {
  tuid: string;
  sourceLanguage: string;
  targetLanguage: string;
  sourceText: string;
  targetText: string;
  creationDate: Date;
  changeDate: Date;
  /** The translator credited (`creationid`), when known. */
  creationId: string | null;
  /** `<prop type="…">` pairs, written before the variants as the DTD orders them. */
  props: readonly (readonly [type: string, value: string])[];
}

/** The version of the export format written in the header (`creationtoolversion`). */
export const TMX_TOOL_VERSION = '1.0';

/**
 * Writes a TMX 1.4b document piece by piece, so that an export of any size streams: `start` gives
 * the declaration, the header and the opening of the body, `unit` one `<tu>`, `end` the closing.
 * Every element holding data is built as a DOM node and serialized by xmldom's XMLSerializer,
 * which escapes every text and attribute and, with `requireWellFormed`, refuses what XML cannot
 * carry; only the fixed envelope around them is written as it stands. Texts lose the characters
 * XML cannot carry first (`xml-text.ts`). Pure.
 */
export class TmxWriter {
  private readonly document = new DOMImplementation().createDocument(null, 'tmx', null);
  private readonly serializer = new XMLSerializer();

  /** The XML declaration, the document type, `<tmx>`, the header and `<body>`. */
  start(header: TmxHeader): string {
    const element = this.element('header', {
      creationtool: 'Interlinear',
      creationtoolversion: TMX_TOOL_VERSION,
      segtype: 'sentence',
      'o-tmf': 'Interlinear',
      adminlang: 'en',
      srclang: header.sourceLanguage,
      datatype: 'plaintext',
      creationdate: formatTmxDate(header.createdAt),
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n  ${this.serialize(element)}\n  <body>\n`;
  }

  /** One `<tu>` with its props and its two `<tuv>`s, indented, ending with a line break. */
  unit(unit: TmxOutputUnit): string {
    const creationId = unit.creationId ? attributeText(unit.creationId) : '';
    const tu = this.element('tu', {
      tuid: attributeText(unit.tuid),
      creationdate: formatTmxDate(unit.creationDate),
      changedate: formatTmxDate(unit.changeDate),
      ...(creationId ? { creationid: creationId } : {}),
    });
    const children: Element[] = unit.props.map(([type, value]) => this.element('prop', { type }, xmlSafeText(value)));
    for (const [language, text] of [
      [unit.sourceLanguage, unit.sourceText],
      [unit.targetLanguage, unit.targetText],
    ] as const) {
      const tuv = this.element('tuv', {});
      tuv.setAttributeNS(XML_NAMESPACE, 'xml:lang', language);
      tuv.appendChild(this.element('seg', {}, xmlSafeText(text)));
      children.push(tuv);
    }
    for (const child of children) {
      tu.appendChild(this.document.createTextNode('\n      '));
      tu.appendChild(child);
    }
    tu.appendChild(this.document.createTextNode('\n    '));
    return `    ${this.serialize(tu)}\n`;
  }

  /** Closes the body and the document. */
  end(): string {
    return '  </body>\n</tmx>\n';
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
