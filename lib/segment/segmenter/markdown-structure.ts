import type { BlockLayout } from './block-layout';

/**
 * Markdown's block quotations (`> text`) and list items (`- item`, `1. item`, `1) item`), which
 * web pages and Word documents also arrive as (lib/import/parse). Nested quotations are read flat;
 * a nested list item keeps how deep it is (`depth`), the database one layout per paragraph.
 */

const QUOTE_PREFIX = /^ {0,3}>[ \t]?/u;
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
