import { diffTokens, tokenize } from './word-diff';

/** A stretch `[start, end)` of a text, in UTF-16 code units. */
export interface TextRange {
  start: number;
  end: number;
}

/** One change of the word diff in characters: `[from, to)` of the old text became `[newFrom, newTo)` of the new one. */
interface CharChange {
  from: number;
  to: number;
  newFrom: number;
  newTo: number;
}

/**
 * Carries stretches of `before` (emphasised words) over to `after`, through the project's word
 * diff: a stretch stays on the words it covered wherever they now stand. A word changed inside it
 * (a typo corrected) stays in it, and so does a change at its first or last word (`tbe` → `the`);
 * words added right before or after it stay out; a change that only reaches into it cuts it back
 * to its own words that are left; a stretch whose words were all deleted is dropped. The result
 * is in order. Linear in the texts (the diff is bounded, lib/diff/word-diff.ts) and in the
 * changes times the stretches, a few per sentence.
 */
export function mapRanges(before: string, after: string, ranges: readonly TextRange[]): TextRange[] {
  if (ranges.length === 0) return [];
  if (before === after) return ranges.map((range) => ({ ...range }));
  const changes = charChanges(before, after);
  const mapped: TextRange[] = [];
  for (const range of ranges) {
    const start = mapEdge(range.start, changes, 'start');
    const end = mapEdge(range.end, changes, 'end');
    if (end > start) mapped.push({ start, end });
  }
  return mapped.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Carries points of `before` (where a footnote marker or a printed page stands) over to `after`,
 * through the same word diff as {@link mapRanges}. `edge` says which word a point belongs to:
 * `end` — the word before it (a footnote marker after its word: a word inserted right after that
 * word goes after the marker); `start` — the word after it (a page beginning at its first word: a
 * word inserted before that word stays on the previous page). A point inside a replaced stretch
 * goes to the replacement's end (`end`) or beginning (`start`); each result is within `after`.
 */
export function mapOffsets(before: string, after: string, offsets: readonly number[], edge: 'start' | 'end'): number[] {
  if (before === after) return offsets.map((offset) => Math.min(offset, after.length));
  const changes = charChanges(before, after);
  return offsets.map((offset) => Math.max(0, Math.min(mapPoint(Math.min(offset, before.length), changes, edge), after.length)));
}

/** Where a point lands: as an edge of a stretch, except that a point inside a change goes to the change's far side for `end`. */
function mapPoint(offset: number, changes: readonly CharChange[], edge: 'start' | 'end'): number {
  if (edge === 'start') return mapEdge(offset, changes, 'start');
  let shift = 0;
  for (const change of changes) {
    if (offset <= change.from) return offset + shift;
    if (offset <= change.to) return change.newTo;
    shift = change.newTo - change.to;
  }
  return offset + shift;
}

function charChanges(before: string, after: string): CharChange[] {
  const a = tokenize(before);
  const b = tokenize(after);
  // Character offset where each old token begins (and the text's end).
  const oldAt: number[] = [0];
  for (const token of a) oldAt.push((oldAt.at(-1) as number) + token.length);
  const changes: CharChange[] = [];
  let shift = 0;
  for (const edit of diffTokens(a, b)) {
    const from = oldAt[edit.start] as number;
    const to = oldAt[edit.end] as number;
    const inserted = edit.tokens.join('').length;
    changes.push({ from, to, newFrom: from + shift, newTo: from + shift + inserted });
    shift += inserted - (to - from);
  }
  return changes;
}

/**
 * Where an edge of a stretch lands. A start at a change's beginning takes the change in, one
 * inside it moves past it; an end at a change's end takes it in, one inside it moves before it;
 * an insertion exactly at an edge stays out.
 */
function mapEdge(offset: number, changes: readonly CharChange[], edge: 'start' | 'end'): number {
  let shift = 0;
  for (const change of changes) {
    const isInsertion = change.from === change.to;
    if (edge === 'start') {
      if (offset < change.from || (offset === change.from && !isInsertion)) return offset === change.from ? change.newFrom : offset + shift;
      if (offset < change.to) return change.newTo;
    } else {
      if (offset <= change.from) return offset + shift;
      if (offset < change.to) return change.newFrom;
      if (offset === change.to) return change.newTo;
    }
    shift = change.newTo - change.to;
  }
  return offset + shift;
}

const WHITESPACE = /\s/u;

/**
 * Stretches as a text keeps them (emphasis): each inside the text, without white space at its
 * ends, in order; overlapping stretches, and stretches apart by white space only (`its` `first` of
 * one letter-spaced run wrapped over two lines), made one. Linear after sorting.
 */
export function normalizeRanges(text: string, spans: readonly TextRange[]): TextRange[] {
  const trimmed: TextRange[] = [];
  for (const span of spans) {
    let start = Math.max(0, Math.min(span.start, text.length));
    let end = Math.max(start, Math.min(span.end, text.length));
    while (start < end && WHITESPACE.test(text[start] as string)) start += 1;
    while (end > start && WHITESPACE.test(text[end - 1] as string)) end -= 1;
    if (end > start) trimmed.push({ start, end });
  }
  trimmed.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const span of trimmed) {
    const last = merged.at(-1);
    if (last && (span.start <= last.end || isBlank(text, last.end, span.start))) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at += 1) if (!WHITESPACE.test(text[at] as string)) return false;
  return true;
}

/** Stretches as stored (`revision.emphasis`: start and end offsets in pairs); a pair that is no stretch is dropped. */
export function rangesFromPairs(pairs: readonly number[] | null | undefined): TextRange[] {
  const spans: TextRange[] = [];
  if (!pairs) return spans;
  for (let index = 0; index + 1 < pairs.length; index += 2) {
    const start = pairs[index] as number;
    const end = pairs[index + 1] as number;
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start) spans.push({ start, end });
  }
  return spans;
}

/** Stretches as stored: start and end offsets in pairs. */
export function rangesToPairs(spans: readonly TextRange[]): number[] {
  return spans.flatMap((span) => [span.start, span.end]);
}
