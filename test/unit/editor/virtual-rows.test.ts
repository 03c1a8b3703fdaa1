import { describe, expect, it } from 'vitest';

import { RowHeights, scrollToReveal, visibleRange } from '../../../components/editor/row-heights';
import { buildRowLayout, chunksOfRange, estimateRowHeight, isContinuation, locateRow } from '../../../components/editor/row-layout';
import { chunkRuns } from '../../../components/editor/use-editor-rows';
import { mulberry32 } from '../../helpers/random';

/** The same model by brute force: sums of a plain array. */
function naiveOffset(heights: number[], index: number): number {
  return heights.slice(0, index).reduce((sum, height) => sum + height, 0);
}

describe('row heights', () => {
  it('keeps offsets equal to the sums of estimates and measurements, through random updates', () => {
    const random = mulberry32(7);
    const plain = Array.from({ length: 1_000 }, (_, index) => 40 + (index % 7) * 10);
    const heights = new RowHeights(plain.length, (index) => plain[index] as number);
    for (let step = 0; step < 2_000; step += 1) {
      const index = Math.floor(random() * plain.length);
      const height = Math.round(20 + random() * 300);
      if (random() < 0.5) {
        heights.measure(index, height);
        plain[index] = height;
      }
      const probe = Math.floor(random() * (plain.length + 1));
      expect(heights.offsetOf(probe)).toBe(naiveOffset(plain, probe));
    }
    expect(heights.total()).toBe(naiveOffset(plain, plain.length));
  });

  it('finds the row at an offset: the last row whose top is at or above it', () => {
    const heights = new RowHeights(5, (index) => [10, 20, 30, 40, 50][index] as number);
    expect([0, 9, 10, 29, 30, 59, 60, 99, 100, 149, 150, 10_000].map((offset) => heights.indexAt(offset))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4, 4]);
    expect(new RowHeights(0, 50).indexAt(100)).toBe(0);
  });

  it('does not replace a measured height by an estimate', () => {
    const heights = new RowHeights(3, 50);
    expect(heights.measure(1, 80)).toBe(30);
    expect(heights.estimate(1, 120)).toBe(0);
    expect(heights.estimate(2, 70)).toBe(20);
    expect(heights.total()).toBe(200);
  });

  it('mounts a few dozen rows of a 10,000-row work wherever it is scrolled, in microseconds', () => {
    const heights = new RowHeights(10_000, 100);
    const started = performance.now();
    let mounted = 0;
    for (let scrollTop = 0; scrollTop < heights.total(); scrollTop += 997) {
      const { start, end } = visibleRange(heights, { scrollTop, viewportHeight: 900, overscan: 800 });
      expect(heights.offsetOf(start)).toBeLessThanOrEqual(Math.max(0, scrollTop - 800));
      expect(heights.offsetOf(end)).toBeGreaterThanOrEqual(Math.min(heights.total(), scrollTop + 900 + 800));
      mounted = Math.max(mounted, end - start);
    }
    expect(mounted).toBeLessThanOrEqual(27);
    expect(performance.now() - started).toBeLessThan(200);
    expect(visibleRange(heights, { scrollTop: heights.total() + 500, viewportHeight: 900, overscan: 0 }).end).toBe(10_000);
  });

  it('scrolls as little as needed to reveal a row', () => {
    const heights = new RowHeights(100, 50);
    expect(scrollToReveal(heights, 3, { scrollTop: 0, viewportHeight: 500 })).toBeNull();
    expect(scrollToReveal(heights, 20, { scrollTop: 0, viewportHeight: 500 })).toBe(20 * 50 + 50 - 500);
    expect(scrollToReveal(heights, 2, { scrollTop: 400, viewportHeight: 500, margin: 10 })).toBe(90);
  });
});

describe('row layout over chunks', () => {
  const layout = buildRowLayout([100, 0, 100, 37]);

  it('maps a row of the whole work to its chunk, skipping empty chunks', () => {
    expect(layout.total).toBe(237);
    expect(locateRow(layout, 0)).toEqual({ chunk: 0, position: 0 });
    expect(locateRow(layout, 99)).toEqual({ chunk: 0, position: 99 });
    expect(locateRow(layout, 100)).toEqual({ chunk: 2, position: 0 });
    expect(locateRow(layout, 236)).toEqual({ chunk: 3, position: 36 });
    expect(locateRow(buildRowLayout([5, 0]), 4)).toEqual({ chunk: 0, position: 4 });
  });

  it('lists the chunks a range of rows needs', () => {
    expect(chunksOfRange(layout, 90, 110)).toEqual([0, 2]);
    expect(chunksOfRange(layout, 0, 10_000)).toEqual([0, 2, 3]);
    expect(chunksOfRange(layout, 150, 150)).toEqual([]);
  });

  it('groups chunks to load into requests of consecutive chunks', () => {
    expect(chunkRuns([7, 2, 3, 4, 5, 6, 9, 3], 4)).toEqual([
      { chunk: 2, count: 4 },
      { chunk: 6, count: 2 },
      { chunk: 9, count: 1 },
    ]);
  });

  it('estimates longer texts as taller rows', () => {
    const short = { source: { text: 'Short.', revisionId: null, status: 'APPROVED' as const, openSuggestions: 0 }, target: { text: '', revisionId: null, status: 'EMPTY' as const, openSuggestions: 0 }, continuesPrevious: false, groupedSources: [] };
    const long = { ...short, source: { ...short.source, text: 'word '.repeat(100) } };
    expect(estimateRowHeight(long)).toBeGreaterThan(estimateRowHeight(short));
    // A group holds the source segments of its rows; the rows it covers take no room of their own.
    const group = { ...short, groupedSources: [{ segmentId: 's2', text: 'word '.repeat(100) }] };
    expect(estimateRowHeight(group)).toBe(estimateRowHeight(long) + 26);
    expect(estimateRowHeight({ ...short, continuesPrevious: true })).toBe(0);
  });

  it('shows a row whose translation continues the previous one with that row, unless it is the first', () => {
    expect(isContinuation({ continuesPrevious: true }, 3)).toBe(true);
    expect(isContinuation({ continuesPrevious: true }, 0)).toBe(false);
    expect(isContinuation({ continuesPrevious: false }, 3)).toBe(false);
    expect(isContinuation(undefined, 3)).toBe(false);
  });
});
