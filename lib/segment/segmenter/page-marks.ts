import { collapseWhitespace } from './collapse-whitespace';

/**
 * Explicit page markers ("[Page 23]", "[page xiv]", "[p. 23]") and the
 * bookkeeping that turns them into offsets.
 *
 * Markers are first replaced by a single placeholder character so the rest of
 * the pipeline (line splitting, block detection, whitespace collapsing) can
 * treat them as zero-width; the labels are kept aside in document order. Since
 * segmentation never reorders text, the n-th placeholder met later is the n-th
 * label.
 */

/** Where a printed page begins, as an offset into the text of the element it is attached to. */
export interface PageMark {
  label: string;
  offset: number;
}

/**
 * Placeholder for a removed marker. U+FDD0 is a Unicode noncharacter: it is
 * never meant to appear in interchanged text, and NFC leaves it alone.
 */
export const MARK = '\uFDD0';

const PAGE_MARKER = /\[[ \t]*(?:page|p\.)[ \t]*([0-9]+[a-z]?|[ivxlcdm]+)[ \t]*\]/giu;
const WHITESPACE = /\s/u;

/** Replaces every page marker in `text` with {@link MARK} and returns the labels in order. */
export function replacePageMarkers(text: string): { text: string; labels: string[] } {
  const labels: string[] = [];
  // A stray noncharacter in the input would be mistaken for a marker.
  const replaced = text.replaceAll(MARK, '').replace(PAGE_MARKER, (_match, label: string) => {
    labels.push(label);
    return MARK;
  });
  return { text: replaced, labels };
}

/**
 * Collapses whitespace runs in `raw` to single spaces, trims it, and removes
 * the {@link MARK} placeholders. Each placeholder yields the offset of the
 * next visible character in the result (the result's length when nothing
 * follows), so a marker between two words never leaves a double space and
 * always points at the start of a word.
 */
export function collapseWithMarks(raw: string): { text: string; offsets: number[] } {
  if (!raw.includes(MARK)) return { text: collapseWhitespace(raw), offsets: [] };
  let text = '';
  const offsets: number[] = [];
  let pendingMarks = 0;
  let pendingSpace = false;
  for (const ch of raw) {
    if (ch === MARK) {
      pendingMarks++;
    } else if (WHITESPACE.test(ch)) {
      pendingSpace = text.length > 0;
    } else {
      if (pendingSpace) text += ' ';
      pendingSpace = false;
      for (; pendingMarks > 0; pendingMarks--) offsets.push(text.length);
      text += ch;
    }
  }
  for (; pendingMarks > 0; pendingMarks--) offsets.push(text.length);
  return { text, offsets };
}
