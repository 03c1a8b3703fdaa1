/**
 * Heights of the editor's rows for the virtual list: an estimate for rows never shown, the
 * measured height for rows that were. Offsets are prefix sums in a Fenwick tree, so a measurement
 * and an offset or index lookup each cost O(log n) — a 10,000-row work never sums every row.
 */
export class RowHeights {
  private readonly heights: Float64Array;
  private readonly tree: Float64Array;
  private readonly measured: Uint8Array;

  constructor(
    readonly count: number,
    estimate: number | ((index: number) => number),
  ) {
    this.heights = new Float64Array(count);
    this.tree = new Float64Array(count + 1);
    this.measured = new Uint8Array(count);
    for (let index = 0; index < count; index += 1) this.heights[index] = Math.max(0, typeof estimate === 'number' ? estimate : estimate(index));
    // Linear-time build: every node passes its sum to its parent.
    for (let node = 1; node <= count; node += 1) {
      this.tree[node] = (this.tree[node] ?? 0) + (this.heights[node - 1] ?? 0);
      const parent = node + (node & -node);
      if (parent <= count) this.tree[parent] = (this.tree[parent] ?? 0) + (this.tree[node] ?? 0);
    }
  }

  heightOf(index: number): number {
    return this.heights[index] ?? 0;
  }

  isMeasured(index: number): boolean {
    return this.measured[index] === 1;
  }

  /** Records a measured height; returns how much it changed. */
  measure(index: number, height: number): number {
    if (index < 0 || index >= this.count) return 0;
    this.measured[index] = 1;
    return this.update(index, height);
  }

  /** Replaces the estimate of a row that was never measured (its text arrived); returns the change. */
  estimate(index: number, height: number): number {
    if (index < 0 || index >= this.count || this.measured[index] === 1) return 0;
    return this.update(index, height);
  }

  /** The top of row `index` (the sum of the heights above it); `count` gives the total. */
  offsetOf(index: number): number {
    let sum = 0;
    for (let node = Math.min(Math.max(index, 0), this.count); node > 0; node -= node & -node) sum += this.tree[node] ?? 0;
    return sum;
  }

  total(): number {
    return this.offsetOf(this.count);
  }

  /** The row at `offset` (the last one whose top is at or above it), clamped to the rows that exist. */
  indexAt(offset: number): number {
    if (this.count === 0) return 0;
    let node = 0;
    let remaining = offset;
    for (let step = highestPowerOfTwo(this.count); step > 0; step >>= 1) {
      const next = node + step;
      if (next <= this.count && (this.tree[next] ?? 0) <= remaining) {
        node = next;
        remaining -= this.tree[next] ?? 0;
      }
    }
    return Math.min(node, this.count - 1);
  }

  private update(index: number, height: number): number {
    const delta = Math.max(0, height) - (this.heights[index] ?? 0);
    if (delta === 0) return 0;
    this.heights[index] = (this.heights[index] ?? 0) + delta;
    for (let node = index + 1; node <= this.count; node += node & -node) this.tree[node] = (this.tree[node] ?? 0) + delta;
    return delta;
  }
}

function highestPowerOfTwo(value: number): number {
  let power = 1;
  while (power * 2 <= value) power *= 2;
  return power;
}

/** The rows to mount: those crossing the viewport plus `overscan` pixels above and below. */
export function visibleRange(heights: RowHeights, { scrollTop, viewportHeight, overscan }: { scrollTop: number; viewportHeight: number; overscan: number }): { start: number; end: number } {
  if (heights.count === 0) return { start: 0, end: 0 };
  const start = heights.indexAt(Math.max(0, scrollTop - overscan));
  const last = heights.indexAt(scrollTop + viewportHeight + overscan);
  return { start, end: Math.min(heights.count, last + 1) };
}

/**
 * Where to scroll so row `index` is fully in view, moving as little as possible; null when it
 * already is. `margin` keeps a little of the neighbouring rows visible.
 */
export function scrollToReveal(heights: RowHeights, index: number, { scrollTop, viewportHeight, margin = 0 }: { scrollTop: number; viewportHeight: number; margin?: number }): number | null {
  const top = heights.offsetOf(index);
  const bottom = top + heights.heightOf(index);
  if (top - margin < scrollTop) return Math.max(0, top - margin);
  if (bottom + margin > scrollTop + viewportHeight) return Math.max(0, Math.min(top - margin, bottom + margin - viewportHeight));
  return null;
}
