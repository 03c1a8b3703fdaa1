import type { BlockLayout } from './block-layout';

/**
 * Markdown's block quotations (`> text`) and list items (`- item`, `1. item`, `1) item`), which
 * web pages and Word documents also arrive as (lib/import/parse). Nested quotations are read flat;
 * a nested list item keeps how deep it is (`depth`), the database one layout per paragraph.
 */

const QUOTE_PREFIX = /^ {0,3}>[ \t]?/u;
/** The opening run of an ATX heading: one to six `#`, then a blank or the line's end. */
const ATX_OPENING = /^ {0,3}(#{1,6})(?=[ \t]|$)/u;
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/u;
const LIST_ITEM = /^([ \t]*)(?:([-*+])|(\d{1,9})([.)]))[ \t]+(?=\S)/u;

/** The layout of a paragraph of a block quotation. */
export const QUOTE_LAYOUT: BlockLayout = { style: 'QUOTE', speaker: null, marker: null, depth: 0 };

/** The text of a block-quotation line without its `>` markers (nested ones too), or null when it is not one. */
export function quoteContent(line: string): string | null {
  if (!QUOTE_PREFIX.test(line)) return null;
  let rest = line;
  for (let prefix = QUOTE_PREFIX.exec(rest); prefix; prefix = QUOTE_PREFIX.exec(rest)) rest = rest.slice(prefix[0].length);
  return rest;
}

const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';

/**
 * An ATX heading (`## Title`, `## Title ##`): its level and its text without the closing run of
 * `#`, or null when the line is none. Read by hand rather than with one regular expression: the
 * lazy title of `^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$` is retried at every blank of
 * a long run of blanks inside the line, quadratic time on a line of a few hundred kilobytes.
 * Reads what that expression reads, no title holding a line terminator included.
 */
export function atxHeadingOf(line: string): { level: number; text: string } | null {
  const opening = ATX_OPENING.exec(line);
  if (!opening) return null;
  const level = opening[1]?.length ?? 1;
  let end = line.length;
  while (end > opening[0].length && isBlank(line[end - 1])) end -= 1;
  let start = opening[0].length;
  while (start < end && isBlank(line[start])) start += 1;
  const title = line.slice(start, end);
  if (LINE_TERMINATOR.test(title)) return null;
  // A closing run of `#` counts only after a blank: "C#" keeps its sign.
  let closing = title.length;
  while (closing > 0 && title[closing - 1] === '#') closing -= 1;
  let before = closing;
  while (before > 0 && isBlank(title[before - 1])) before -= 1;
  const hasClosingRun = closing < title.length && before < closing && before > 0;
  return { level, text: hasClosingRun ? title.slice(0, before) : title };
}

/** A list item's line: how far it is indented, its number when the list is ordered, and its text. */
export interface MarkdownListItem {
  indent: number;
  ordered: { value: number; delimiter: string } | null;
  content: string;
}

/** The list item a line starts, or null. A thematic break (`* * *`) must be ruled out first. */
export function listItemOf(line: string): MarkdownListItem | null {
  const match = LIST_ITEM.exec(line);
  if (!match) return null;
  const indent = (match[1] ?? '').replace(/\t/gu, '    ').length;
  const ordered = match[3] === undefined ? null : { value: Number(match[3]), delimiter: match[4] ?? '.' };
  return { indent, ordered, content: line.slice(match[0].length) };
}

/**
 * Numbers the items of the lists in one document as Markdown shows them: an ordered list counts
 * on from its first number whatever the later items say (`1. 1. 1.` reads 1, 2, 3); bullets read
 * "•". Each indentation depth has its own count; another delimiter (`1.` after `1)`) begins
 * another list.
 */
export class ListNumbering {
  private levels: { indent: number; next: number | null; delimiter: string | null }[] = [];

  /** The marker to show for `item`, the next item of the list it belongs to. */
  markerOf(item: MarkdownListItem): string {
    while ((this.levels.at(-1)?.indent ?? -1) > item.indent) this.levels.pop();
    let level = this.levels.at(-1);
    const delimiter = item.ordered?.delimiter ?? null;
    if (!level || level.indent !== item.indent || level.delimiter !== delimiter) {
      if (level?.indent === item.indent) this.levels.pop();
      level = { indent: item.indent, next: item.ordered?.value ?? null, delimiter };
      this.levels.push(level);
    }
    if (!item.ordered || level.next === null) return '•';
    const value = level.next;
    level.next = value + 1;
    return `${value}${item.ordered.delimiter}`;
  }

  /** How deep the list of the item last numbered is nested in other lists (0: not nested). */
  get depth(): number {
    return Math.max(0, this.levels.length - 1);
  }

  /** Whether a list is open (an item came since the last {@link end}). */
  get isOpen(): boolean {
    return this.levels.length > 0;
  }

  /** Closes every open list: the next item starts a new one. */
  end(): void {
    this.levels = [];
  }
}
