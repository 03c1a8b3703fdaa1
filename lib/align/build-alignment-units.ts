import type { SegmentRow } from '../segment/build-segment-rows';

/** Text units grouped into paragraphs, as the aligner takes them, with the id (or row) of each unit. */
export interface AlignmentUnits<K> {
  paragraphs: string[][];
  /** Key of each unit in flattened order (segment id for a work, row index for a new text). */
  keys: K[];
}

interface UnitLike<K> {
  key: K;
  text: string;
  kind: SegmentRow['kind'];
  parentKey: K | null;
}

/**
 * Groups text-bearing units into the paragraphs the aligner sees: the sentences of one paragraph
 * together, every heading and footnote on its own. Pure.
 */
export function buildAlignmentUnits<K>(units: readonly UnitLike<K>[]): AlignmentUnits<K> {
  const paragraphs: string[][] = [];
  const keys: K[] = [];
  let currentParent: K | null = null;
  for (const unit of units) {
    const continues = unit.kind === 'SENTENCE' && unit.parentKey !== null && unit.parentKey === currentParent && paragraphs.length > 0;
    if (continues) paragraphs.at(-1)?.push(unit.text);
    else paragraphs.push([unit.text]);
    currentParent = unit.kind === 'SENTENCE' ? unit.parentKey : null;
    keys.push(unit.key);
  }
  return { paragraphs, keys };
}

/** The units of freshly segmented rows (a translation file), keyed by row index. */
export function unitsFromRows(rows: readonly SegmentRow[]): UnitLike<number>[] {
  return rows.flatMap((row, index) => (row.text === null ? [] : [{ key: index, text: row.text, kind: row.kind, parentKey: row.parentIndex }]));
}
