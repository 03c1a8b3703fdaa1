import { describe, expect, it } from 'vitest';

import { placeBeads } from '../../../lib/align/place-beads';
import { planAlignmentEdit, type PlannedRow } from '../../../lib/align/plan-alignment-edit';
import en from '../../../lib/i18n/messages/en.json';
import ru from '../../../lib/i18n/messages/ru.json';

const row = (segmentId: string, text: string | null, continuesPrevious = false): PlannedRow => ({ segmentId, text, continuesPrevious });

/** All target sentences, in order, of rows after applying changes. */
function apply(rows: PlannedRow[], changes: ReturnType<typeof planAlignmentEdit>): PlannedRow[] {
  if (!Array.isArray(changes)) throw new Error(changes.refused);
  return rows.map((r) => changes.find((c) => c.segmentId === r.segmentId) ?? r);
}
const allText = (rows: PlannedRow[]) => rows.map((r) => r.text ?? '').join(' ').replace(/\s+/g, ' ').trim();

describe('planAlignmentEdit', () => {
  const rows = [row('a', 'Un. Deux.'), row('b', 'Trois.'), row('c', 'Quatre. Cinq.')];

  it('shifts the first sentence up and the last sentence down, keeping every sentence', () => {
    const up = apply(rows, planAlignmentEdit(rows, 2, 'shiftUp', 'fr'));
    expect(up.map((r) => r.text)).toEqual(['Un. Deux.', 'Trois. Quatre.', 'Cinq.']);
    const down = apply(rows, planAlignmentEdit(rows, 0, 'shiftDown', 'fr'));
    expect(down.map((r) => r.text)).toEqual(['Un.', 'Deux. Trois.', 'Quatre. Cinq.']);
    expect(allText(up)).toBe(allText(rows));
    expect(allText(down)).toBe(allText(rows));
  });

  it('merges a row into the previous group and splits it out again', () => {
    const merged = apply(rows, planAlignmentEdit(rows, 1, 'merge', 'fr'));
    expect(merged).toEqual([row('a', 'Un. Deux. Trois.'), row('b', null, true), row('c', 'Quatre. Cinq.')]);
    const split = apply(merged, planAlignmentEdit(merged, 1, 'split', 'fr'));
    expect(split).toEqual(rows);
  });

  it('unlinks a row: its translation joins the previous group and it has none', () => {
    const unlinked = apply(rows, planAlignmentEdit(rows, 1, 'unlink', 'fr'));
    expect(unlinked).toEqual([row('a', 'Un. Deux. Trois.'), row('b', null), row('c', 'Quatre. Cinq.')]);
  });

  it('explains operations that do not apply', () => {
    expect(planAlignmentEdit(rows, 0, 'shiftUp', 'fr')).toEqual({ refused: 'firstRow' });
    expect(planAlignmentEdit(rows, 2, 'shiftDown', 'fr')).toEqual({ refused: 'nothingToMoveDown' });
    expect(planAlignmentEdit(rows, 1, 'split', 'fr')).toEqual({ refused: 'ownTranslation' });
    const merged = [row('a', 'Un.'), row('b', null, true)];
    expect(planAlignmentEdit(merged, 1, 'shiftUp', 'fr')).toEqual({ refused: 'coveredSplitFirst' });
  });
});

describe('placeBeads', () => {
  it('joins a bead’s target sentences into its first source, marks the other sources as continuing, and never drops a sentence', () => {
    const target = ['A.', 'B.', 'C.', 'D.', 'E.'];
    const placed = placeBeads(
      [
        { source: [], target: [0], score: 0.4 },
        { source: [0], target: [1, 2], score: 0.9 },
        { source: [1, 2], target: [3], score: 0.8 },
        { source: [3], target: [], score: 0.3 },
        { source: [], target: [4], score: 0.2 },
      ],
      target,
    );
    expect(placed).toEqual([
      { source: 0, text: 'A. B. C.', continuesPrevious: false, score: 0.9 },
      { source: 1, text: 'D. E.', continuesPrevious: false, score: 0.8 },
      { source: 2, text: null, continuesPrevious: true, score: 0.8 },
      { source: 3, text: null, continuesPrevious: false, score: 0.3 },
    ]);
  });
});

describe('alignment refusals', () => {
  it('are worded in the server’s errors as the interface words them', () => {
    expect(en.errors.alignmentRefusal).toEqual(en.align.refusals);
    expect(ru.errors.alignmentRefusal).toEqual(ru.align.refusals);
  });
});
