import { SaxesParser, type SaxesTagPlain } from 'saxes';

import { primaryLanguage } from './primary-language';
import { parseTmxDate } from './tmx-date';
import { attributeText, segmentText } from './xml-text';
import { MAX_SEGMENT_CHARS, MAX_TITLE_CHARS, MAX_TMX_DEPTH, MAX_TMX_VARIANTS_PER_UNIT } from '../../config/limits';
import { AppError } from '../../errors/app-error';
import type { ErrorKey, ErrorValues } from '../../errors/error-text';
import { parseWellFormed } from '../../segment/xml-well-formed';

/** One language's side of a translation unit (`<tuv>`), its text reduced to plain text. */
export interface TmxVariant {
  /** The primary subtag of its `xml:lang`, lower-cased ("en" for "en-US"). */
  language: string;
  /** Plain text: inline codes left out, `<hi>` kept, white space collapsed. */
  text: string;
  /** Longer than a segment may be ({@link MAX_SEGMENT_CHARS}): its text is cut and not to be used. */
  isTooLong: boolean;
  creationId: string | null;
  changeId: string | null;
  creationDate: Date | null;
  changeDate: Date | null;
}

/** A translation unit (`<tu>`) as read: its attributes and its variants in file order. */
export interface TmxUnit {
  creationId: string | null;
  changeId: string | null;
  creationDate: Date | null;
  changeDate: Date | null;
  variants: TmxVariant[];
}

/**
 * Inline codes whose content is the original format's markup, not text (TMX 1.4b §3.3): left out
 * with everything inside them, `<sub>` (a sub-flow such as a footnote or an alt text, another
 * segment) included. `<hi>` only delimits text, which is kept.
 */
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'ph', 'it', 'ut', 'sub']);

/** How many bytes the decoder is handed at once: parsing costs the same, events come in between. */
export const TMX_CHUNK_BYTES = 64 * 1024;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * A streaming reader of TMX files (1.1 to 1.4b), fed bytes as they come (`write`, then `end`),
 * calling `onUnit` for each `<tu>` as soon as it closes, so that a caller can store units in
 * batches and memory stays flat whatever the file's size. Pure: the browser runs it to list a
 * file's languages, the server to import it.
 *
 * Hostile files: the XML parser (saxes) expands no entity but the five predefined ones and
 * character references, and loads nothing; a document type with an internal subset (where entity
 * declarations live: "billion laughs", external entities) is refused outright, a bare
 * `<!DOCTYPE tmx SYSTEM "tmx14.dtd">` is ignored. Nesting past {@link MAX_TMX_DEPTH} and units of
 * more than {@link MAX_TMX_VARIANTS_PER_UNIT} variants are refused;
 * text past {@link MAX_SEGMENT_CHARS} a side is not kept (the variant is marked too long).
 * Bytes are UTF-8 or UTF-16 (by byte-order mark or the first characters), decoded strictly.
 * Throws INVALID_INPUT (not well-formed, not TMX, DTD, too deep) and UNSUPPORTED_ENCODING, with a
 * message that says where.
 */
export class TmxReader {
  /** Units read per language (primary subtag), each unit counted once per language. */
  readonly languages = new Map<string, number>();
  /** The header's `srclang` as a primary subtag (null when absent or `*all*`). */
  headerSource: string | null = null;

  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  private readonly onUnit: (unit: TmxUnit) => void;
  private decoder: TextDecoder | null = null;
  private encoding: Encoding = 'utf-8';
  private pending: Uint8Array = new Uint8Array(0);
  private readonly stack: string[] = [];
  private isRootSeen = false;
  private unit: TmxUnit | null = null;
  private variant: (TmxVariant & { parts: string[]; length: number }) | null = null;
  private isInSeg = false;
  private codeDepth = 0;

  constructor({ onUnit }: { onUnit: (unit: TmxUnit) => void }) {
    this.onUnit = onUnit;
    const { parser } = this;
    parser.on('xmldecl', (declaration) => this.checkDeclaredEncoding(declaration.encoding));
    parser.on('doctype', (doctype) => {
      if (doctype.includes('[')) throw invalid('file.ownDoctype', { format: 'TMX' });
    });
    parser.on('opentag', (tag) => this.open(tag));
    parser.on('closetag', (tag) => this.close(tag.name));
    parser.on('text', (text) => this.addText(text));
    parser.on('cdata', (text) => this.addText(text));
  }

  /** Reads the next bytes of the file. */
  write(bytes: Uint8Array): void {
    if (!this.decoder) {
      // The encoding is told by the first bytes: wait for four of them.
      const joined = concat(this.pending, bytes);
      if (joined.byteLength < 4) {
        this.pending = joined;
        return;
      }
      this.pending = new Uint8Array(0);
      this.encoding = sniffEncoding(joined);
      this.decoder = new TextDecoder(this.encoding, { fatal: true });
      this.feed(joined, true);
      return;
    }
    this.feed(bytes, true);
  }

  /** Ends the file: throws when it stops before its end or was no TMX at all. */
  end(): void {
    if (!this.decoder) {
      this.decoder = new TextDecoder(sniffEncoding(this.pending), { fatal: true });
      this.feed(this.pending, false);
    } else {
      this.feed(new Uint8Array(0), false);
    }
    parseWellFormed(() => this.parser.close());
    if (!this.isRootSeen) throw invalid('file.noDocument', { format: 'TMX' });
  }

  private feed(bytes: Uint8Array, isStreaming: boolean): void {
    let text: string;
    try {
      text = (this.decoder as TextDecoder).decode(bytes, { stream: isStreaming });
    } catch {
      throw new AppError('UNSUPPORTED_ENCODING', 'file.invalidEncoding', { values: { encoding: this.encoding.toUpperCase() } });
    }
    if (text) parseWellFormed(() => this.parser.write(text));
  }

  private checkDeclaredEncoding(declared: string | undefined): void {
    if (!declared) return;
    const name = declared.trim().toLowerCase();
    const family = this.encoding === 'utf-8' ? ['utf-8', 'utf8'] : ['utf-16', 'utf-16le', 'utf-16be', 'utf16'];
    if (!family.includes(name)) {
      throw new AppError('UNSUPPORTED_ENCODING', 'memory.declaredEncoding', { values: { declared: declared.slice(0, 40) } });
    }
  }

  private open(tag: SaxesTagPlain): void {
    const parent = this.stack.at(-1);
    this.stack.push(tag.name);
    if (this.stack.length > MAX_TMX_DEPTH) throw invalid('file.tooDeep', { max: MAX_TMX_DEPTH, what: 'memory' });
    const attributes = tag.attributes;
    if (!this.isRootSeen) {
      this.isRootSeen = true;
      if (tag.name !== 'tmx') throw invalid('file.wrongRoot', { format: 'TMX', root: `<${tag.name.slice(0, 40)}>`, expected: '<tmx>' });
      return;
    }
    if (this.isInSeg) {
      if (CODE_ELEMENTS.has(tag.name) || this.codeDepth > 0) this.codeDepth += 1;
      return;
    }
    if (tag.name === 'header' && parent === 'tmx') {
      this.headerSource = primaryLanguage(attributes.srclang ?? '');
    } else if (tag.name === 'tu' && parent === 'body') {
      this.unit = { ...provenanceOf(attributes), variants: [] };
    } else if (tag.name === 'tuv' && parent === 'tu' && this.unit) {
      if (this.unit.variants.length >= MAX_TMX_VARIANTS_PER_UNIT) throw invalid('memory.tooManyVariants', { max: MAX_TMX_VARIANTS_PER_UNIT });
      // TMX 1.1 wrote `lang`, later versions `xml:lang`.
      const language = primaryLanguage(attributes['xml:lang'] ?? attributes.lang ?? '');
      this.variant = language === null ? null : { language, text: '', isTooLong: false, ...provenanceOf(attributes), parts: [], length: 0 };
    } else if (tag.name === 'seg' && parent === 'tuv') {
      this.isInSeg = true;
      this.codeDepth = 0;
    }
  }

  private close(name: string): void {
    this.stack.pop();
    if (this.isInSeg) {
      if (name === 'seg' && this.codeDepth === 0) this.isInSeg = false;
      else if (this.codeDepth > 0) this.codeDepth -= 1;
      return;
    }
    if (name === 'tuv' && this.variant && this.unit) {
      const { parts, length: _length, ...variant } = this.variant;
      const text = variant.isTooLong ? '' : segmentText(parts.join(''));
      this.unit.variants.push({ ...variant, text, isTooLong: variant.isTooLong || text.length > MAX_SEGMENT_CHARS });
      this.variant = null;
    } else if (name === 'tu' && this.unit) {
      const unit = this.unit;
      this.unit = null;
      for (const language of new Set(unit.variants.map((variant) => variant.language))) this.languages.set(language, (this.languages.get(language) ?? 0) + 1);
      this.onUnit(unit);
    }
  }

  private addText(text: string): void {
    const variant = this.variant;
    if (!this.isInSeg || this.codeDepth > 0 || !variant || variant.isTooLong) return;
    variant.length += text.length;
    // Past twice the limit (white space collapses later) the text is no longer kept: a hostile
    // seg of 60 MB costs no memory.
    if (variant.length > MAX_SEGMENT_CHARS * 2) {
      variant.isTooLong = true;
      variant.parts = [];
      return;
    }
    variant.parts.push(text);
  }
}

/** The attributes of a `<tu>` or `<tuv>` that say who made it and when. */
function provenanceOf(attributes: Record<string, string>): Pick<TmxUnit, 'creationId' | 'changeId' | 'creationDate' | 'changeDate'> {
  const person = (value: string | undefined) => (value === undefined ? null : attributeText(value).slice(0, MAX_TITLE_CHARS) || null);
  return {
    creationId: person(attributes.creationid),
    changeId: person(attributes.changeid),
    creationDate: parseTmxDate(attributes.creationdate),
    changeDate: parseTmxDate(attributes.changedate),
  };
}

/** UTF-16 by its byte-order mark or a "<" followed by a zero byte (or after one); else UTF-8. */
function sniffEncoding(bytes: Uint8Array): Encoding {
  const [a, b] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00)) return 'utf-16le';
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c)) return 'utf-16be';
  return 'utf-8';
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.byteLength === 0) return b;
  const joined = new Uint8Array(a.byteLength + b.byteLength);
  joined.set(a);
  joined.set(b, a.byteLength);
  return joined;
}

function invalid(key: ErrorKey, values?: ErrorValues): AppError {
  return new AppError('INVALID_INPUT', key, { values });
}
