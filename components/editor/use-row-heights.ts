'use client';

import { useCallback, useMemo, useReducer, useState } from 'react';

import type { EditorRow } from '@/lib/editor/types';

import { RowHeights } from './row-heights';
import { estimateRowHeight, locateRow, type RowLayout } from './row-layout';

/** Row `index` of the whole list, if its chunk is loaded. */
export function rowAt(layout: RowLayout, chunks: ReadonlyMap<number, EditorRow[]>, index: number): EditorRow | undefined {
  if (index < 0 || index >= layout.total) return undefined;
  const { chunk, position } = locateRow(layout, index);
  return chunks.get(chunk)?.[position];
}

/**
 * The height model of the list, rebuilt when rows load or the layout changes (O(n), about a
 * millisecond for 10,000 rows), with every height measured so far kept by segment id so that
 * rows already seen do not go back to estimates.
 */
export function useRowHeights(layout: RowLayout, chunks: ReadonlyMap<number, EditorRow[]>) {
  const [measured] = useState(() => new Map<string, number>());
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const heights = useMemo(
    () =>
      new RowHeights(layout.total, (index) => {
        const row = rowAt(layout, chunks, index);
        return row ? (measured.get(row.segmentId) ?? estimateRowHeight(row)) : estimateRowHeight(undefined);
      }),
    [layout, chunks, measured],
  );
  const onMeasure = useCallback(
    (index: number, height: number) => {
      heights.measure(index, height);
      const row = rowAt(layout, chunks, index);
      if (row) measured.set(row.segmentId, height);
      rerender();
    },
    [heights, layout, chunks, measured],
  );
  return { heights, onMeasure };
}
