/**
 * How a paragraph is laid out — ordinary prose, a block quotation, an item of a list, or a turn
 * of a dialogue — and the private marker that carries a layout found by the cleanup rules into
 * the segmenter, the way `[Page 23]` carries a page.
 */

/** The names of the database's `BlockStyle` enum. */
export type BlockStyleName = 'PROSE' | 'QUOTE' | 'LIST_ITEM' | 'SPEAKER_TURN';

/** The layout of one paragraph. */
export interface BlockLayout {
  style: BlockStyleName;
  /** Who speaks, as the source names them ("Wells"), for a SPEAKER_TURN. */
  speaker: string | null;
  /** The item marker as it reads ("1.", "a)", "•") for a LIST_ITEM; null for a further paragraph of an item. */
  marker: string | null;
  /** How deep a LIST_ITEM's list is nested in other lists (0: not nested); 0 for other layouts. */
  depth: number;
}

/** Deepest list nesting kept; deeper items are read at this depth. */
const MAX_LIST_DEPTH = 8;

// U+FDD1–U+FDD3 are Unicode noncharacters: never meant to appear in interchanged text (the import
// removes any that do), so a marker made of them cannot be confused with the text.
const OPEN = '\uFDD1';
const SEPARATOR = '\uFDD2';
const CLOSE = '\uFDD3';
const MARKER = /^\uFDD1(PROSE|QUOTE|LIST_ITEM|SPEAKER_TURN)\uFDD2([^\uFDD1-\uFDD3\n]*)\uFDD2([^\uFDD1-\uFDD3\n]*)(?:\uFDD2(\d{1,2}))?\uFDD3[ \t]*/u;
const MARKER_CHARS = /[\uFDD1-\uFDD3]/gu;
const HAS_MARKER_CHAR = /[\uFDD1-\uFDD3]/u;

/** Whether a line starts with a layout marker (cheap test before {@link readLayoutMarker}). */
export function startsWithLayoutMarker(line: string): boolean {
  return line.startsWith(OPEN);
}

/**
 * The marker that starts a paragraph with `layout` when put at the beginning of a line (after a
 * blank line) of the text given to `segmentDocument`. A PROSE marker only ends a quotation or a
 * list that would otherwise run on.
 */
export function layoutMarker(layout: BlockLayout): string {
  const clean = (value: string | null) => (value ?? '').replace(MARKER_CHARS, '').replace(/\s+/gu, ' ').trim();
  const depth = layout.style === 'LIST_ITEM' && layout.depth > 0 ? `${SEPARATOR}${Math.min(layout.depth, MAX_LIST_DEPTH)}` : '';
  return `${OPEN}${layout.style}${SEPARATOR}${clean(layout.speaker)}${SEPARATOR}${clean(layout.marker)}${depth}${CLOSE}`;
}

/** The layout marker at the start of `line` and its length (with the spaces after it), or null. */
export function readLayoutMarker(line: string): { layout: BlockLayout; length: number } | null {
  if (!line.startsWith(OPEN)) return null;
  const match = MARKER.exec(line);
  if (!match) return null;
  const style = match[1] as BlockStyleName;
  return {
    layout: {
      style,
      speaker: style === 'SPEAKER_TURN' ? match[2] || null : null,
      marker: style === 'LIST_ITEM' ? match[3] || null : null,
      depth: style === 'LIST_ITEM' ? Math.min(Number(match[4] ?? 0), MAX_LIST_DEPTH) : 0,
    },
    length: match[0].length,
  };
}

/** Removes the characters layout markers are made of, so a stray one in an upload cannot pose as a marker. */
export function removeLayoutMarkerChars(text: string): string {
  return HAS_MARKER_CHAR.test(text) ? text.replace(MARKER_CHARS, '') : text;
}
