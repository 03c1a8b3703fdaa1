import type { TextRange } from '../diff/text-ranges';

/**
 * Emphasis kept beside a text: italics of a web page or a Word document and letter-spaced words of
 * a scan (how Russian and German printing emphasise) become stretches of the text, stored with it
 * as offsets (`revision.emphasis`), never as markup inside it. Pure: the import, the reader and
 * the editor all read it.
 */

/** An emphasised stretch `[start, end)` of a text, in UTF-16 code units. */
export type EmphasisSpan = TextRange;

// Emphasis as a text keeps it, and as it is stored (`revision.emphasis`: offsets in pairs).
export { normalizeRanges as normalizeEmphasis, rangesFromPairs as emphasisFromPairs, rangesToPairs as emphasisToPairs } from '../diff/text-ranges';

// U+FDD4 and U+FDD5 are Unicode noncharacters, like the page mark (U+FDD0) and the layout markers
// (U+FDD1–U+FDD3): the import removes any that an upload holds, so only the import writes them.
/** Opens an emphasised stretch in a text on its way to the segmenter. */
export const EMPHASIS_OPEN = '\uFDD4';
/** Closes it. */
export const EMPHASIS_CLOSE = '\uFDD5';

const MARKER_CHARS = /[\uFDD4\uFDD5]/gu;

/** The text without emphasis markers (a stray one in an upload must not pose as a marker). */
export function removeEmphasisMarkers(text: string): string {
  return text.includes(EMPHASIS_OPEN) || text.includes(EMPHASIS_CLOSE) ? text.replace(MARKER_CHARS, '') : text;
}

/**
 * Takes the emphasis markers out of `marked`: the text without them and the stretches they
 * enclosed. Markers may nest (the outermost pair counts); a close without an open is dropped, and
 * an open never closed runs to the end. One pass, linear.
 */
export function liftEmphasisMarkers(marked: string): { text: string; emphasis: EmphasisSpan[] } {
  if (!marked.includes(EMPHASIS_OPEN) && !marked.includes(EMPHASIS_CLOSE)) return { text: marked, emphasis: [] };
  const parts: string[] = [];
  const emphasis: EmphasisSpan[] = [];
  let length = 0;
  let depth = 0;
  let start = 0;
  let cursor = 0;
  for (let at = 0; at < marked.length; at += 1) {
    const char = marked[at];
    if (char !== EMPHASIS_OPEN && char !== EMPHASIS_CLOSE) continue;
    parts.push(marked.slice(cursor, at));
    length += at - cursor;
    cursor = at + 1;
    if (char === EMPHASIS_OPEN) {
      if (depth === 0) start = length;
      depth += 1;
    } else if (depth > 0) {
      depth -= 1;
      if (depth === 0) emphasis.push({ start, end: length });
    }
  }
  parts.push(marked.slice(cursor));
  length += marked.length - cursor;
  if (depth > 0) emphasis.push({ start, end: length });
  return { text: parts.join(''), emphasis: emphasis.filter((span) => span.end > span.start) };
}

/**
 * The stretches of `spans` inside `[from, to)`, cut to it and counted from `from` (plus `shift`):
 * the emphasis of one part of a text (a sentence of a paragraph, the half of a split segment).
 */
export function sliceEmphasis(spans: readonly EmphasisSpan[], from: number, to: number, shift = 0): EmphasisSpan[] {
  const out: EmphasisSpan[] = [];
  for (const span of spans) {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    if (end > start) out.push({ start: start - from + shift, end: end - from + shift });
  }
  return out;
}
