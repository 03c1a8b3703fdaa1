import { splitSentences } from '../segment/segmenter';

/** A hand correction of an alignment, applied to one row of the target language. */
export type AlignmentOperation = 'merge' | 'split' | 'shiftUp' | 'shiftDown' | 'unlink';

/** The part of a row the planner needs. */
export interface PlannedRow {
  segmentId: string;
  text: string | null;
  continuesPrevious: boolean;
}

/** The new state of one row. */
export interface RowChange {
  segmentId: string;
  text: string | null;
  continuesPrevious: boolean;
}

const join = (...parts: (string | null | undefined)[]) => parts.filter((part): part is string => Boolean(part?.trim())).join(' ');

/** The nearest row before index `from` that starts an alignment group (its text is its own). */
function headBefore(rows: readonly PlannedRow[], from: number): number {
  for (let i = from - 1; i >= 0; i -= 1) if (!rows[i]?.continuesPrevious) return i;
  return -1;
}

function headAfter(rows: readonly PlannedRow[], from: number): number {
  for (let i = from + 1; i < rows.length; i += 1) if (!rows[i]?.continuesPrevious) return i;
  return -1;
}

/**
 * The row changes one operation makes, on `rows` (consecutive rows in reading order, with the
 * edited one at `index`). Every target sentence is kept: operations only move sentences between
 * neighbouring groups. Returns an error message instead when the operation does not apply. Pure.
 *
 * - merge: this group's translation joins the previous group (one translation, two sources).
 * - split: a row covered by the previous translation gets its own: the last sentence of it.
 * - shiftUp / shiftDown: the first (last) sentence moves to the previous (next) group.
 * - unlink: this source has no counterpart; its translation moves to the previous group.
 */
export function planAlignmentEdit(rows: readonly PlannedRow[], index: number, operation: AlignmentOperation, language: string): RowChange[] | string {
  const row = rows[index];
  if (!row) return 'No such row.';
  const sentences = (text: string | null) => (text ? splitSentences(text, language) : []);
  if (operation === 'split') {
    if (!row.continuesPrevious) return 'This row already has its own translation.';
    const head = headBefore(rows, index);
    const headRow = rows[head];
    if (!headRow) return 'Nothing to split from.';
    const parts = sentences(headRow.text);
    const moved = parts.length >= 2 ? parts.pop() : undefined;
    return [
      { segmentId: headRow.segmentId, text: join(...parts) || null, continuesPrevious: false },
      { segmentId: row.segmentId, text: moved ?? null, continuesPrevious: false },
    ];
  }
  if (row.continuesPrevious) return 'This row is covered by the previous translation: split it first.';
  if (operation === 'shiftDown') {
    const next = rows[headAfter(rows, index)];
    const parts = sentences(row.text);
    const moved = parts.pop();
    if (!next || moved === undefined) return 'There is no sentence to move down.';
    return [
      { segmentId: row.segmentId, text: join(...parts) || null, continuesPrevious: false },
      { segmentId: next.segmentId, text: join(moved, next.text), continuesPrevious: false },
    ];
  }
  const previous = rows[headBefore(rows, index)];
  if (!previous) return 'This is the first row: there is nothing before it.';
  if (operation === 'shiftUp') {
    const parts = sentences(row.text);
    const moved = parts.shift();
    if (moved === undefined) return 'There is no sentence to move up.';
    return [
      { segmentId: previous.segmentId, text: join(previous.text, moved), continuesPrevious: false },
      { segmentId: row.segmentId, text: join(...parts) || null, continuesPrevious: false },
    ];
  }
  if (!row.text && operation === 'unlink') return 'This row has no translation to unlink.';
  return [
    { segmentId: previous.segmentId, text: join(previous.text, row.text) || null, continuesPrevious: false },
    { segmentId: row.segmentId, text: null, continuesPrevious: operation === 'merge' },
  ];
}
