import { collapseWhitespace } from './collapse-whitespace';
import { EMPHASIS_CLOSE, EMPHASIS_OPEN } from '../emphasis';

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

/** What a {@link MARK} stands for: a page that begins there, or where an emphasis opens or closes. */
export type InlineMark = { kind: 'page'; label: string } | { kind: 'open' } | { kind: 'close' };

const INLINE_MARKER = new RegExp(`${PAGE_MARKER.source}|[${EMPHASIS_OPEN}${EMPHASIS_CLOSE}]`, 'giu');

/**
 * Replaces every page marker and emphasis marker (lib/segment/emphasis.ts) in `text` with
 * {@link MARK} and returns what each stood for, in order: both are then zero-width alike for
 * line splitting, block detection and whitespace collapsing.
 */
export function replaceInlineMarkers(text: string): { text: string; marks: InlineMark[] } {
  const marks: InlineMark[] = [];
  // A stray noncharacter in the input would be mistaken for a marker.
  const replaced = text.replaceAll(MARK, '').replace(INLINE_MARKER, (match: string, label: string | undefined) => {
    marks.push(label !== undefined ? { kind: 'page', label } : { kind: match === EMPHASIS_OPEN ? 'open' : 'close' });
    return MARK;
  });
  return { text: replaced, marks };
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
