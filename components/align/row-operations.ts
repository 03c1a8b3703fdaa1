import type { useTranslations } from 'next-intl';

import { isAlignmentRefusal } from '@/lib/align/alignment-refusal';
import type { AlignmentRow } from '@/lib/align/alignment-rows';
import { planAlignmentEdit, type AlignmentOperation, type RowOperation } from '@/lib/align/plan-alignment-edit';
import { splitPoints } from '@/lib/align/split-points';

/** Alignments below this confidence are highlighted, as in the parallel reader. */
export const LOW_CONFIDENCE = 0.5;

/** The hand corrections applied by one click on a row, in toolbar order (named by `align.operations`). */
export const ROW_OPERATIONS: readonly RowOperation[] = ['merge', 'split', 'shiftUp', 'shiftDown', 'unlink'];

/** A change that can be undone: a hand correction, or the re-alignment of a range (named by `align.changes`). */
export type AlignmentChangeKind = AlignmentOperation | 'realign';

/** The messages of `align.availability` (`useTranslations('align.availability')`). */
export type AvailabilityTranslator = ReturnType<typeof useTranslations<'align.availability'>>;

/** The messages of `align.refusals` (`useTranslations('align.refusals')`): why the planner refuses a correction. */
export type RefusalTranslator = ReturnType<typeof useTranslations<'align.refusals'>>;

/** For each operation, why it does not apply to a row (a message), or null when it does. */
export type RowAvailability = Record<AlignmentOperation, string | null>;

/** Every operation refused with the same reason. */
function unavailable(reason: string): RowAvailability {
  return { merge: reason, split: reason, shiftUp: reason, shiftDown: reason, unlink: reason, splitAt: reason };
}

/** Whether some point of `rows[index]`'s text may be chosen: the planner's answer for the first one. */
function splitAtAvailability(rows: readonly AlignmentRow[], index: number, language: string, t: AvailabilityTranslator, tRefusal: RefusalTranslator): string | null {
  const text = rows[index]?.text;
  const [first] = text ? splitPoints(text, language) : [];
  const plan = planAlignmentEdit(rows, index, { operation: 'splitAt', offset: first?.offset ?? 1 }, language);
  if (isAlignmentRefusal(plan)) return tRefusal(plan.refused);
  return first ? null : t('oneWord');
}

/**
 * Plans every operation on every row with the same pure planner the server runs, so a button is
 * disabled exactly when the server would refuse it (or when it would change nothing). `rows` are
 * consecutive rows in reading order.
 */
export function planRowAvailability(rows: readonly AlignmentRow[], language: string, t: AvailabilityTranslator, tRefusal: RefusalTranslator): Map<string, RowAvailability> {
  const byId = new Map(rows.map((row) => [row.segmentId, row]));
  const availability = new Map<string, RowAvailability>();
  rows.forEach((row, index) => {
    const entry = unavailable('');
    for (const operation of ROW_OPERATIONS) {
      const plan = planAlignmentEdit(rows, index, operation, language);
      if (isAlignmentRefusal(plan)) entry[operation] = tRefusal(plan.refused);
      else {
        const isNoOp = plan.every((change) => {
          const current = byId.get(change.segmentId);
          return current?.text === change.text && current.continuesPrevious === change.continuesPrevious;
        });
        entry[operation] = isNoOp ? t('noChange') : null;
      }
    }
    entry.splitAt = splitAtAvailability(rows, index, language, t, tRefusal);
    availability.set(row.segmentId, entry);
  });
  return availability;
}

/**
 * The revision of the rows around `index` as the editor shows them, sent with an edit: the server
 * refuses the edit (STALE_BASE) if any row it changes no longer has that revision. The server
 * plans on 40 rows either side, so this covers every row an edit can touch.
 */
export function expectedRevisions(rows: readonly AlignmentRow[], index: number): Record<string, string | null> {
  const around = rows.slice(Math.max(0, index - 41), index + 42);
  return Object.fromEntries(around.map((row) => [row.segmentId, row.revisionId]));
}

/** Consecutive rows grouped as the reader shows them: a row and those its translation also covers. */
export function groupRows(rows: readonly AlignmentRow[]): AlignmentRow[][] {
  const groups: AlignmentRow[][] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (row.continuesPrevious && last) last.push(row);
    else groups.push([row]);
  }
  return groups;
}
