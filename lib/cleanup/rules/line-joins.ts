import { listMarkerOf } from './structure-text';
import { examplesOf } from '../text-edits';
import { isBlank, lineLengthQuantile, splitLines } from '../text-lines';
import type { CleanupInput, RuleProposal, TextEdit } from '../types';

/**
 * The end of a sentence, allowing closing quotes and brackets after the mark, and a footnote
 * number glued to a word's full stop (`particular.”10`, `crisis.3`; not a decimal like `3.14`).
 */
const SENTENCE_END = /(?:[.!?:;…][”’"'»)\]]*|\p{L}[.!?…][”’"'»)\]]*(?:\d{1,3}|\*{1,3}))$/u;
/**
 * Dot leaders of a table of contents ending in a page number: `Preface . . . . XIII`; a leader of
 * two points only counts before a page number (`Revolution . . 19`). Three points are enough to
 * test (a longer leader ends in three points): with `{3,}` the leader was re-read from every point
 * of a long run of points, quadratic time on a line of a few hundred kilobytes.
 */
const DOT_LEADER = /(?:\.\s?){3}\s*\S{1,8}$|\.\s?\.\s*(?:\d{1,4}|[ivxlcdm]{1,7})$/iu;
/** An author's note at the foot of a page: `* My italics.—J. St.` */
const ASTERISK_NOTE = /^\*{1,3}[ \t]?[\p{Lu}“‘"(](?![^\n]*[^\s*]\*)/u;
/** A contents entry without leaders, its page number set off by a run of spaces or a tab: `Preface      XIII`. */
const SPACED_PAGE = /\S(?:[ \t]{2,}|\t)(?:\d{1,4}|[IVXLCDM]{1,7}|[ivxlcdm]{1,7})[ \t]*$/u;
/** A line that starts a new block whatever precedes it: list items, notes (`* My italics.`, `*The speech…`, `** …`), Markdown syntax. */
const BLOCK_START = /^(?:[-*•–—]\s|\*{1,3}[\p{Lu}“‘"(](?![^\n]*[^\s*]\*)|\*{2,3}\s|\d{1,3}[.)]?\s+[\p{Lu}“‘"(]|\[\d{1,3}\]|#{1,6}\s|>|\|)/u;

/**
 * Joins hard-wrapped lines inside a paragraph into one line. Runs only on hard-wrapped text
 * (most lines close to one column width); a line break stays when it ends a paragraph: after
 * sentence punctuation on a short line, before an indented line, list item or note (or between two
 * lines that each begin with a list marker), next to a
 * heading (mostly capitals), after a table-of-contents page number (after dot leaders or spaces). Blank lines always stay.
 */
export function detectLineJoins({ text, format }: CleanupInput): RuleProposal {
  const lines = splitLines(text);
  const width = lineLengthQuantile(lines, 0.9);
  const edits: TextEdit[] = [];
  if (isHardWrapped(lines, width)) {
    // Whether the paragraph being joined is an asterisk note: it ends with its sentence, since what
    // follows it is the next page's text.
    let isNote = false;
    let continues = false;
    for (let k = 0; k + 1 < lines.length; k++) {
      const line = lines[k];
      const next = lines[k + 1];
      if (line && !continues) isNote = ASTERISK_NOTE.test(line.text.trimStart());
      continues = false;
      if (!line || !next || isBlank(line.text) || isBlank(next.text)) continue;
      if (isParagraphBreak(line.text, next.text, width, format)) continue;
      if (isNote && SENTENCE_END.test(line.text.trimEnd())) continue;
      const trailing = line.text.length - line.text.trimEnd().length;
      const leading = next.text.length - next.text.trimStart().length;
      edits.push({ start: line.end - trailing, end: next.start + leading, replacement: ' ', ruleId: 'line-joins' });
      continues = true;
    }
  }
  return {
    ruleId: 'line-joins',
    edits,
    count: edits.length,
    examples: examplesOf(text, edits, 3, 30),
    summaryValues: { count: edits.length },
    summary: edits.length === 0 ? 'no hard-wrapped lines' : `${edits.length} hard line breaks joined`,
  };
}

/**
 * Hard-wrapped text has a column width: at least 40% of its lines are within 75% of the 90th
 * percentile length, and that width is a printed column (≤ 150 characters), not a paragraph.
 */
function isHardWrapped(lines: ReturnType<typeof splitLines>, width: number): boolean {
  if (width === 0 || width > 150) return false;
  const nonBlank = lines.filter((line) => !isBlank(line.text));
  if (nonBlank.length < 5) return false;
  const full = nonBlank.filter((line) => line.text.trimEnd().length >= width * 0.75).length;
  return full / nonBlank.length >= 0.4;
}

function isParagraphBreak(line: string, next: string, width: number, format: CleanupInput['format']): boolean {
  const current = line.trimEnd();
  const following = next.trimStart();
  if (DOT_LEADER.test(current) || SPACED_PAGE.test(line)) return true;
  if (BLOCK_START.test(following)) return true;
  // Two lines that each begin with a list marker ("a)", "(ii)", "3.") are two items, whatever the marker.
  if (listMarkerOf(line) && listMarkerOf(next)) return true;
  if (format === 'md' && /^(?:#|>|```|\s{4})/u.test(next)) return true;
  if (isHeading(current) || isHeading(following)) return true;
  const isShort = current.length < width * 0.8;
  const isIndented = /^\s{2,}/u.test(next) && !/^\s/u.test(line);
  if (SENTENCE_END.test(current) && (isShort || isIndented)) return true;
  // A short line before a capitalised line ends a title or a signature, not a wrapped sentence.
  if (current.length < width * 0.6 && /^\p{Lu}/u.test(following)) return true;
  return false;
}

/** Mostly capitals (at least three letters): a heading line. */
function isHeading(line: string): boolean {
  const letters = line.match(/\p{L}/gu) ?? [];
  if (letters.length < 3) return false;
  const upper = letters.filter((ch) => ch !== ch.toLowerCase()).length;
  return upper / letters.length >= 0.8;
}
