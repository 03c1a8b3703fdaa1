import { SaxesParser, type SaxesTagPlain } from 'saxes';

import { MAX_SEGMENT_CHARS, MAX_XLIFF_DEPTH, MAX_XLIFF_UNITS } from '../config/limits';
import { AppError } from '../errors/app-error';
import type { ErrorKey, ErrorValues } from '../errors/error-text';
import { contextType, META } from '../export/xliff/xliff-vocabulary';
import { parseWellFormed } from '../segment/xml-well-formed';

/** One unit of an XLIFF file as read: its id, the target revision it says it was exported with, and its target's text. */
export interface XliffUnitRead {
  id: string;
  /** The `target-revision` metadata (2.0) or context (1.2); null when the unit has none. */
  targetRevision: string | null;
  /** The target's text, inline codes left out (their marked text kept); null when the unit has no target. */
  target: string | null;
  /** Its target is longer than a segment may be: not kept. */
  isTooLong: boolean;
}

export interface XliffReading {
  version: '2.0' | '1.2';
  sourceLanguage: string;
  targetLanguage: string;
  units: XliffUnitRead[];
}

/** Inline codes whose content (if any) is the original format's markup, not text: left out. Text inside `<pc>`, `<mrk>` (2.0) and `<g>`, `<mrk>` (1.2) is kept. */
const CODE_ELEMENTS = new Set(['ph', 'sc', 'ec', 'sm', 'em', 'cp', 'x', 'bx', 'ex', 'bpt', 'ept', 'it', 'sub']);

const CONTEXT_TYPES = new Map<string, string>(Object.values(META).map((name) => [contextType(name), name]));

/**
 * A reader of XLIFF files (2.0 and 1.2) as translators' tools give them back: for each unit
 * (`<unit>`, `<trans-unit>`), its id, the revision metadata Interlinear wrote into it, and the
 * text of its target (every segment's and ignorable's target joined, in a 2.0 unit; never an
 * `<alt-trans>` proposal of 1.2). Attribute order, namespace prefixes, indentation and added
 * attributes (`state`, `approved`…) are whatever the tool wrote. Pure; fed the file's text in
 * pieces (`write`, then `end`).
 *
 * Hostile files: saxes expands no entity but the five predefined ones and character references,
 * and loads nothing; any document type declaration (XLIFF has none; it is where entities are
 * declared: "billion laughs", external entities) is refused outright, as is nesting past
 * {@link MAX_XLIFF_DEPTH} or more than {@link MAX_XLIFF_UNITS} units; a target past twice
 * {@link MAX_SEGMENT_CHARS} is not kept. Throws INVALID_INPUT saying what and where.
 */
export class XliffReader {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  private readonly stack: string[] = [];
  private readonly units: XliffUnitRead[] = [];
  private version: '2.0' | '1.2' | null = null;
  private sourceLanguage = '';
  private targetLanguage = '';
  private unit: (XliffUnitRead & { parts: string[]; length: number }) | null = null;
  /** Inside a target (depth of its element), and inside a code of it. */
  private targetDepth = 0;
  private codeDepth = 0;
  private capture: { name: string; depth: number; parts: string[] } | null = null;

  constructor() {
    const { parser } = this;
    parser.on('doctype', () => {
      throw invalid('xliff.doctype');
    });
    parser.on('opentag', (tag) => this.open(tag));
    parser.on('closetag', (tag) => this.close(localName(tag.name)));
    parser.on('text', (text) => this.addText(text));
    parser.on('cdata', (text) => this.addText(text));
  }

  write(text: string): void {
    parseWellFormed(() => this.parser.write(text));
  }

  end(): XliffReading {
    parseWellFormed(() => this.parser.close());
    if (!this.version) throw invalid('file.noDocument', { format: 'XLIFF' });
    return { version: this.version, sourceLanguage: this.sourceLanguage, targetLanguage: this.targetLanguage, units: this.units };
  }

  private open(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    const parent = this.stack.at(-1);
    this.stack.push(name);
    if (this.stack.length > MAX_XLIFF_DEPTH) throw invalid('file.tooDeep', { max: MAX_XLIFF_DEPTH, what: 'xliff' });
    const attributes = tag.attributes;
    if (!this.version) {
      if (name !== 'xliff') throw invalid('file.wrongRoot', { format: 'XLIFF', root: `<${tag.name.slice(0, 40)}>`, expected: '<xliff>' });
      const version = attributes.version ?? '';
      if (version.startsWith('2.')) this.version = '2.0';
      else if (version.startsWith('1.')) this.version = '1.2';
      else throw version.slice(0, 10) ? invalid('xliff.unsupportedVersion', { version: version.slice(0, 10) }) : invalid('xliff.noVersion');
      this.sourceLanguage = attributes.srcLang ?? '';
      this.targetLanguage = attributes.trgLang ?? '';
      return;
    }
    if (this.targetDepth > 0) {
      if (CODE_ELEMENTS.has(name) || this.codeDepth > 0) this.codeDepth += 1;
      return;
    }
    if (this.capture) return;
    if (name === 'file' && this.version === '1.2') {
      const source = attributes['source-language'] ?? '';
      const target = attributes['target-language'] ?? '';
      if ((this.sourceLanguage && source !== this.sourceLanguage) || (this.targetLanguage && target !== this.targetLanguage)) {
        throw invalid('xliff.mixedLanguages');
      }
      this.sourceLanguage = source;
      this.targetLanguage = target;
    } else if ((name === 'unit' && this.version === '2.0') || (name === 'trans-unit' && this.version === '1.2')) {
      if (this.units.length >= MAX_XLIFF_UNITS) throw invalid('xliff.tooManyUnits', { max: MAX_XLIFF_UNITS });
      this.unit = { id: attributes.id ?? '', targetRevision: null, target: null, isTooLong: false, parts: [], length: 0 };
    } else if (this.unit && name === 'meta' && attributes.type === META.targetRevision) {
      this.capture = { name: META.targetRevision, depth: this.stack.length, parts: [] };
    } else if (this.unit && name === 'context' && CONTEXT_TYPES.get(attributes['context-type'] ?? '') === META.targetRevision) {
      this.capture = { name: META.targetRevision, depth: this.stack.length, parts: [] };
    } else if (this.unit && name === 'target' && (parent === 'segment' || parent === 'ignorable' || parent === 'trans-unit')) {
      this.targetDepth = this.stack.length;
      this.codeDepth = 0;
      this.unit.target ??= '';
    }
  }

  private close(name: string): void {
    const depth = this.stack.length;
    this.stack.pop();
    if (this.targetDepth > 0) {
      if (depth === this.targetDepth) this.targetDepth = 0;
      else if (this.codeDepth > 0) this.codeDepth -= 1;
      return;
    }
    if (this.capture) {
      if (depth === this.capture.depth && this.unit) {
        this.unit.targetRevision = this.capture.parts.join('').trim().slice(0, 100);
        this.capture = null;
      }
      return;
    }
    if (this.unit && ((name === 'unit' && this.version === '2.0') || (name === 'trans-unit' && this.version === '1.2'))) {
      const { parts, length: _length, ...unit } = this.unit;
      this.units.push({ ...unit, target: unit.target === null || unit.isTooLong ? unit.target : parts.join('') });
      this.unit = null;
    }
  }

  private addText(text: string): void {
    if (this.capture) {
      if (this.capture.parts.length < 10) this.capture.parts.push(text.slice(0, 100));
      return;
    }
    const unit = this.unit;
    if (!unit || this.targetDepth === 0 || this.codeDepth > 0 || unit.isTooLong) return;
    unit.length += text.length;
    if (unit.length > MAX_SEGMENT_CHARS * 2) {
      unit.isTooLong = true;
      unit.parts = [];
      return;
    }
    unit.parts.push(text);
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function invalid(key: ErrorKey, values?: ErrorValues): AppError {
  return new AppError('INVALID_INPUT', key, { values });
}
