import { isAlignmentRefusal, refuse, type AlignmentRefusal } from './alignment-refusal';
import { splitTextAt } from './split-points';
import { splitSentences } from '../segment/segmenter';

/** A hand correction that needs nothing but the row it is applied to. */
export type RowOperation = 'merge' | 'split' | 'shiftUp' | 'shiftDown' | 'unlink';

/** A hand correction of an alignment, applied to one row of the target language. */
export type AlignmentOperation = RowOperation | 'splitAt';

/** Dividing a row's translation at a chosen character offset into its text. */
export interface SplitAtEdit {
  operation: 'splitAt';
  offset: number;
}

/** What `planAlignmentEdit` is asked to do: a row operation, or a split at a chosen point. */
export type AlignmentEdit = RowOperation | SplitAtEdit;

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
 * neighbouring groups. Returns why instead when the operation does not apply (a reason the
 * interface names from its catalogue: `lib/align/alignment-refusal.ts`). Pure.
 *
 * - merge: this group's translation joins the previous group (one translation, two sources).
 * - split: a row covered by the previous translation gets its own: the last sentence of it.
 * - shiftUp / shiftDown: the first (last) sentence moves to the previous (next) group.
 * - unlink: this source has no counterpart; its translation moves to the previous group.
 * - splitAt (with an offset into this row's text): the text before the point stays, the text after
 *   it goes to the next row: a row this translation also covers becomes a row of its own with it;
 *   a row with its own translation gets it before that translation (shiftDown at a chosen point).
 */
export function planAlignmentEdit(rows: readonly PlannedRow[], index: number, edit: AlignmentEdit, language: string): RowChange[] | AlignmentRefusal {
  const row = rows[index];
  if (!row) return refuse('noRow');
  if (typeof edit !== 'string') return planSplitAt(rows, index, edit.offset, language);
  const operation = edit;
  const sentences = (text: string | null) => (text ? splitSentences(text, language) : []);
  if (operation === 'split') {
    if (!row.continuesPrevious) return refuse('ownTranslation');
    const head = headBefore(rows, index);
    const headRow = rows[head];
    if (!headRow) return refuse('nothingToSplitFrom');
    const parts = sentences(headRow.text);
    const moved = parts.length >= 2 ? parts.pop() : undefined;
    return [
      { segmentId: headRow.segmentId, text: join(...parts) || null, continuesPrevious: false },
      { segmentId: row.segmentId, text: moved ?? null, continuesPrevious: false },
    ];
  }
  if (row.continuesPrevious) return refuse('coveredSplitFirst');
  if (operation === 'shiftDown') {
    const next = rows[headAfter(rows, index)];
    const parts = sentences(row.text);
    const moved = parts.pop();
    if (!next || moved === undefined) return refuse('nothingToMoveDown');
    return [
      { segmentId: row.segmentId, text: join(...parts) || null, continuesPrevious: false },
      { segmentId: next.segmentId, text: join(moved, next.text), continuesPrevious: false },
    ];
  }
  const previous = rows[headBefore(rows, index)];
  if (!previous) return refuse('firstRow');
  if (operation === 'shiftUp') {
    const parts = sentences(row.text);
    const moved = parts.shift();
    if (moved === undefined) return refuse('nothingToMoveUp');
    return [
      { segmentId: previous.segmentId, text: join(previous.text, moved), continuesPrevious: false },
      { segmentId: row.segmentId, text: join(...parts) || null, continuesPrevious: false },
    ];
  }
  if (!row.text && operation === 'unlink') return refuse('nothingToUnlink');
  return [
    { segmentId: previous.segmentId, text: join(previous.text, row.text) || null, continuesPrevious: false },
    { segmentId: row.segmentId, text: null, continuesPrevious: operation === 'merge' },
  ];
}

/** {@link planAlignmentEdit}'s splitAt: `rows[index]`'s text divided at `offset`, the rest given to the row below. */
function planSplitAt(rows: readonly PlannedRow[], index: number, offset: number, language: string): RowChange[] | AlignmentRefusal {
  const row = rows[index];
  if (!row) return refuse('noRow');
  if (row.continuesPrevious) return refuse('coveredAbove');
  if (!row.text) return refuse('nothingToSplit');
  const next = rows[index + 1];
  if (!next) return refuse('lastRow');
  const parts = splitTextAt(row.text, offset, language);
  if (isAlignmentRefusal(parts)) return parts;
  return [
    { segmentId: row.segmentId, text: parts.before, continuesPrevious: false },
    { segmentId: next.segmentId, text: next.continuesPrevious ? parts.after : join(parts.after, next.text), continuesPrevious: false },
  ];
}
