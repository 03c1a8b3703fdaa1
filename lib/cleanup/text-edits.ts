import type { TextEdit } from './types';

/**
 * Applies sorted, non-overlapping edits to `text` in one pass. Throws on overlapping or
 * unsorted edits because a silent overlap would corrupt the text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of edits) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) {
      throw new Error(`cleanup: overlapping or invalid edit ${edit.ruleId} [${edit.start}, ${edit.end})`);
    }
    parts.push(text.slice(cursor, edit.start), edit.replacement);
    cursor = edit.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/**
 * Builds a function that maps offsets in the text before `edits` to the text after them. An
 * offset inside a replaced range moves to the end of its replacement, so an anchor never lands
 * in the middle of replaced text. Offsets must be asked in any order (binary search).
 */
export function createOffsetMapper(edits: readonly TextEdit[]): (offset: number) => number {
  const starts = edits.map((edit) => edit.start);
  // Cumulative length change after each edit.
  const deltas: number[] = [];
  let delta = 0;
  for (const edit of edits) {
    delta += edit.replacement.length - (edit.end - edit.start);
    deltas.push(delta);
  }
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return offset;
    const edit = edits[found];
    const after = deltas[found] ?? 0;
    if (edit && offset < edit.end) return edit.end + after;
    return offset + after;
  };
}

/**
 * Builds a function that maps a stretch `[start, end)` of the text before `edits` to the text
 * after them, or to null when nothing of it is left. A replacement that begins where the stretch
 * begins or ends where it ends belongs to it (a letter-spaced word rejoined, a quote repaired);
 * one that only reaches into it is cut off at the stretch's edge (a note number removed after
 * the last emphasised word stays out). Binary search: stretches may be asked in any order.
 */
export function createRangeMapper(edits: readonly TextEdit[]): (range: { start: number; end: number }) => { start: number; end: number } | null {
  // Length change of the text before each edit.
  const before: number[] = [];
  let delta = 0;
  for (const edit of edits) {
    before.push(delta);
    delta += edit.replacement.length - (edit.end - edit.start);
  }
  /** Index of the last edit starting at or before `offset` (strictly before when `isStrict`), or -1. */
  const lastAt = (offset: number, isStrict: boolean) => firstStartingFrom(edits, offset, !isStrict) - 1;
  const mapStart = (offset: number) => {
    const index = lastAt(offset, false);
    const edit = edits[index];
    if (!edit) return offset;
    const shift = before[index] ?? 0;
    if (offset === edit.start) return edit.start + shift;
    if (offset < edit.end) return edit.start + shift + edit.replacement.length;
    return offset + shift + edit.replacement.length - (edit.end - edit.start);
  };
  const mapEnd = (offset: number) => {
    const index = lastAt(offset, true);
    const edit = edits[index];
    if (!edit) return offset;
    const shift = before[index] ?? 0;
    if (offset < edit.end) return edit.start + shift;
    return offset + shift + edit.replacement.length - (edit.end - edit.start);
  };
  return (range) => {
    const start = mapStart(range.start);
    const end = mapEnd(range.end);
    return end > start ? { start, end } : null;
  };
}

/** Offset of `edit`'s end in the text after all `edits` (which must include it) are applied. */
export function outputEndOffsets(edits: readonly TextEdit[]): number[] {
  let delta = 0;
  return edits.map((edit) => {
    delta += edit.replacement.length - (edit.end - edit.start);
    return edit.end + delta;
  });
}

/** Up to `limit` short before/after examples for a report, with a little context. */
export function examplesOf(text: string, edits: readonly TextEdit[], limit = 5, context = 20): { before: string; after: string }[] {
  const examples: { before: string; after: string }[] = [];
  const seen = new Set<string>();
  for (const edit of edits) {
    if (examples.length >= limit) break;
    const from = Math.max(0, edit.start - context);
    const to = Math.min(text.length, edit.end + context);
    const before = text.slice(from, to);
    const after = text.slice(from, edit.start) + edit.replacement + text.slice(edit.end, to);
    const key = text.slice(edit.start, edit.end) + '\u0000' + edit.replacement;
    if (seen.has(key)) continue;
    seen.add(key);
    examples.push({ before, after });
  }
  return examples;
}

/** The index of the first of `edits` (sorted by start) that starts at or after `offset` (or, `inclusive`, after it). */
function firstStartingFrom(edits: readonly TextEdit[], offset: number, inclusive: boolean): number {
  let lo = 0;
  let hi = edits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const start = edits[mid]?.start ?? 0;
    if (inclusive ? start <= offset : start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether one of `edits` (sorted by start, not overlapping) covers `offset`. */
export function isCoveredByEdit(edits: readonly TextEdit[], offset: number): boolean {
  const edit = edits[firstStartingFrom(edits, offset, true) - 1];
  return edit !== undefined && offset < edit.end;
}

/** The last of `edits` (sorted by start) starting before `offset`, and the first starting at or after it. */
export function editsAround<E extends TextEdit>(edits: readonly E[], offset: number): { before: E | undefined; after: E | undefined } {
  const index = firstStartingFrom(edits, offset, false);
  return { before: edits[index - 1], after: edits[index] };
}
