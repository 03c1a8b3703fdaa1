import { detectTxtHeading } from '../../segment/segmenter/detect-txt-heading';
import { isBlank, splitLines, type TextLine } from '../text-lines';
import type { BlockMark, CleanupFormat, RuleExample } from '../types';

/**
 * What the structure rules (lists, block quotations, speaker turns) share: the paragraphs the
 * import will make of the text, headings, list markers, and the examples of the report.
 */

/** One paragraph as the import will segment it: its lines, in order. */
export interface TextParagraph {
  lines: TextLine[];
}

/**
 * The paragraphs of a cleaned text: every line when the hard wraps were joined (the import then
 * segments line by line), else blocks separated by blank lines.
 */
export function splitParagraphs(text: string, isLinePerParagraph: boolean): TextParagraph[] {
  const paragraphs: TextParagraph[] = [];
  let current: TextLine[] = [];
  for (const line of splitLines(text)) {
    if (isBlank(line.text)) {
      if (current.length > 0) paragraphs.push({ lines: current });
      current = [];
    } else if (isLinePerParagraph) {
      paragraphs.push({ lines: [line] });
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) paragraphs.push({ lines: current });
  return paragraphs;
}

/** The end of a sentence or of an introduction, with closing quotes and brackets after the mark. */
const CLAUSE_END = /[.!?:;…][”’"'»)\]]*\s*$/u;

/** Whether a line inside a paragraph may begin a new one: the line before it ends a sentence. */
export function followsClauseEnd(previous: TextLine | undefined): boolean {
  return previous === undefined || CLAUSE_END.test(previous.text);
}

/** Markdown syntax at the start of a line, which the import reads itself in `md` and `html` text. */
const MARKDOWN_SYNTAX = /^ {0,3}(?:#{1,6}(?:\s|$)|>|[-*+][ \t]|\d{1,9}[.)][ \t])/u;

/** Whether the import reads this line's layout from its own syntax (Markdown, web pages, Word). */
export function hasMarkdownSyntax(line: string, format: CleanupFormat): boolean {
  return format !== 'txt' && MARKDOWN_SYNTAX.test(line);
}

/**
 * Dot leaders of a table of contents, ending in a page number. Three points are enough to test (a
 * longer leader ends in three points); `{3,}` re-read the leader from every point of a long run.
 */
const DOT_LEADER = /(?:\.\s?){3}\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*$/iu;

/** Whether a line is an entry of a table of contents (dot leaders and a page number). */
export function isContentsLine(line: string): boolean {
  return DOT_LEADER.test(line);
}

/** Whether a paragraph is a heading as the import will read it: one short title-like line, or `#` in Markdown. */
export function isHeadingParagraph(paragraph: TextParagraph, format: CleanupFormat): boolean {
  const [only, ...rest] = paragraph.lines;
  if (!only || rest.length > 0) return false;
  if (format !== 'txt') return /^ {0,3}#{1,6}(?:\s|$)/u.test(only.text);
  return detectTxtHeading(only.text) !== null || isContentsLine(only.text);
}

/** Leading white space of a line in columns (a tab counts four). */
export function indentationOf(line: string): number {
  const lead = /^[ \t]*/u.exec(line)?.[0] ?? '';
  return lead.replace(/\t/gu, '    ').length;
}

/** How an ordered marker may be read: "i" is the ninth letter or the first roman numeral. */
export interface OrdinalReading {
  scheme: 'decimal' | 'lower-alpha' | 'upper-alpha' | 'lower-roman' | 'upper-roman';
  value: number;
}

/** A list marker at the start of a line. */
export interface ListMarker {
  /** Offset in the line where the item's text begins. */
  textStart: number;
  /** The marker as the reader shows it: "1.", "a)", "(iii)", "•". */
  label: string;
  /** The bullet character, for unordered items. */
  bullet: string | null;
  /** How the marker is written around its number ("%.", "%)", "(%)"), for ordered items. */
  format: string | null;
  readings: OrdinalReading[];
}

/** Bullets that mean nothing else at the start of a line. */
const GLYPH_BULLETS = '•◦▪▫‣⁃●○■□➢►✓✔';
const PLAIN_BULLET = /^[ \t]*([•◦▪▫‣⁃●○■□➢►✓✔]|[-*+])[ \t]+(?=\S)/u;
// Capital letters and capital roman numerals only with a bracket: "A." and "IV." begin names and headings.
const ORDERED = /^[ \t]*(?:\((\d{1,3}|[a-z]|[ivxlc]{1,6}|[A-Z]|[IVXLC]{1,6})\)|(\d{1,3}|[a-z]|[ivxlc]{1,6})([.)])|([A-Z]|[IVXLC]{1,6})(\)))[ \t]+(?=\S)/u;

/** The list marker a line starts with, or null. */
export function listMarkerOf(line: string): ListMarker | null {
  const bullet = PLAIN_BULLET.exec(line);
  if (bullet) {
    const glyph = bullet[1] ?? '';
    return { textStart: bullet[0].length, label: GLYPH_BULLETS.includes(glyph) ? glyph : '•', bullet: glyph, format: null, readings: [] };
  }
  const ordered = ORDERED.exec(line);
  if (!ordered) return null;
  const token = ordered[1] ?? ordered[2] ?? ordered[4] ?? '';
  const format = ordered[1] !== undefined ? '(%)' : `%${ordered[3] ?? ordered[5] ?? '.'}`;
  const readings = readingsOf(token);
  // "civil." is no numeral, though written with roman digits.
  if (readings.length === 0) return null;
  return { textStart: ordered[0].length, label: format.replace('%', token), bullet: null, format, readings };
}

/** Whether a bullet is a glyph that means nothing but "list item" (so a single item is trusted). */
export function isGlyphBullet(bullet: string): boolean {
  return GLYPH_BULLETS.includes(bullet);
}

function readingsOf(token: string): OrdinalReading[] {
  if (/^\d+$/u.test(token)) return [{ scheme: 'decimal', value: Number(token) }];
  const readings: OrdinalReading[] = [];
  if (token.length === 1) {
    const isLower = token === token.toLowerCase();
    readings.push({ scheme: isLower ? 'lower-alpha' : 'upper-alpha', value: token.toLowerCase().charCodeAt(0) - 96 });
  }
  const roman = romanValue(token.toLowerCase());
  if (roman !== null) readings.push({ scheme: token === token.toLowerCase() ? 'lower-roman' : 'upper-roman', value: roman });
  return readings;
}

const ROMAN_DIGITS: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** The value of a well-formed roman numeral up to 399, or null. */
function romanValue(token: string): number | null {
  if (!/^c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/u.test(token) || token === '') return null;
  let total = 0;
  for (let k = 0; k < token.length; k++) {
    const value = ROMAN_DIGITS[token.charAt(k)] ?? 0;
    const next = ROMAN_DIGITS[token.charAt(k + 1)] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/**
 * Examples of found layouts for the report: the paragraph's start as written, and the same with
 * the layout named and the prefix that is not text taken away.
 */
export function blockExamples(text: string, marks: readonly BlockMark[], describe: (mark: BlockMark) => string): RuleExample[] {
  const examples: RuleExample[] = [];
  for (const mark of marks) {
    const name = describe(mark);
    const lineEnd = text.indexOf('\n', mark.end);
    const body = text.slice(mark.end, lineEnd < 0 ? text.length : lineEnd).trim();
    const shown = body.length > 60 ? `${body.slice(0, 60).trimEnd()}…` : body;
    const layout = mark.style === 'PROSE' ? undefined : { style: mark.style, name: mark.speaker ?? mark.marker ?? '', text: shown };
    examples.push({ before: `${text.slice(mark.start, mark.end).trim()} ${shown}`.trim(), after: `[${name}] ${shown}`, ...(layout && { layout }) });
  }
  return examples;
}
