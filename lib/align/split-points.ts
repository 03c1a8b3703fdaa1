import { refuse, type AlignmentRefusal } from './alignment-refusal';
import { sentenceRanges } from '../segment/segmenter';

/** A place where a translation may be divided: a character offset into its text. */
export interface SplitPoint {
  /** UTF-16 offset into the text: the part before it stays, the part after it moves on. */
  offset: number;
  /** The point ends a sentence (the likeliest places to split). */
  isSentenceEnd: boolean;
}

/** The two halves of a divided text, trimmed and never empty. */
export interface SplitText {
  before: string;
  after: string;
}

const WHITESPACE = /\s/u;

/**
 * Every point at which `text` may be divided, ascending: the start of each run of whitespace
 * between words, and each sentence boundary of `splitSentences` (which in Chinese or Japanese
 * has no space), each once. A point has text on both sides. Pure; runs in the browser too.
 */
export function splitPoints(text: string, language: string): SplitPoint[] {
  const ranges = sentenceRanges(text, language);
  const first = ranges[0]?.start ?? text.length;
  const last = ranges.at(-1)?.end ?? 0;
  const sentenceEnds = new Set(ranges.slice(0, -1).map((range) => range.end));
  const points: SplitPoint[] = [];
  for (let index = first + 1; index < last; index += 1) {
    const isGap = WHITESPACE.test(text.charAt(index)) && !WHITESPACE.test(text.charAt(index - 1));
    if (isGap || sentenceEnds.has(index)) points.push({ offset: index, isSentenceEnd: sentenceEnds.has(index) });
  }
  return points;
}

/**
 * `text` divided at `offset`, or why it cannot be: the point must lie between words (at or in
 * whitespace) or at a sentence boundary, and both trimmed parts must hold text. A point in a
 * run of whitespace counts as the start of that run.
 */
export function splitTextAt(text: string, offset: number, language: string): SplitText | AlignmentRefusal {
  if (!Number.isInteger(offset) || offset <= 0 || offset >= text.length) return refuse('outsideText');
  const before = text.slice(0, offset).trim();
  const after = text.slice(offset).trim();
  if (!before || !after) return refuse('emptyPart');
  const isBetweenWords = WHITESPACE.test(text.charAt(offset)) || WHITESPACE.test(text.charAt(offset - 1));
  if (!isBetweenWords && !splitPoints(text, language).some((point) => point.offset === offset)) return refuse('insideWord');
  return { before, after };
}
