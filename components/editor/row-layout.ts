import type { EditorRow } from '@/lib/editor/types';

/**
 * The rows of a whole work as one list, from the size of each chunk: row `i` is row `i -
 * starts[c]` of chunk `c`. The editor can lay out and scroll 10,000 rows knowing only 100 numbers,
 * and loads a chunk's rows when the viewport comes near them.
 */
export interface RowLayout {
  /** Index of the first row of each chunk. */
  starts: number[];
  sizes: number[];
  total: number;
}

export function buildRowLayout(sizes: readonly number[]): RowLayout {
  const starts: number[] = [];
  let total = 0;
  for (const size of sizes) {
    starts.push(total);
    total += size;
  }
  return { starts, sizes: [...sizes], total };
}

/** The chunk of row `index`, and the row's position in it. */
export function locateRow(layout: RowLayout, index: number): { chunk: number; position: number } {
  let low = 0;
  let high = layout.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((layout.starts[middle] ?? 0) <= index) low = middle;
    else high = middle - 1;
  }
  // Empty chunks share their start with the next one: take the last chunk that holds the row.
  while (low > 0 && (layout.sizes[low] ?? 0) === 0) low -= 1;
  return { chunk: low, position: index - (layout.starts[low] ?? 0) };
}

/** The chunks rows `start` … `end - 1` belong to (non-empty ones), in order. */
export function chunksOfRange(layout: RowLayout, start: number, end: number): number[] {
  if (end <= start || layout.total === 0) return [];
  const first = locateRow(layout, Math.max(0, start)).chunk;
  const last = locateRow(layout, Math.min(end, layout.total) - 1).chunk;
  const chunks: number[] = [];
  for (let chunk = first; chunk <= last; chunk += 1) if ((layout.sizes[chunk] ?? 0) > 0) chunks.push(chunk);
  return chunks;
}

/**
 * A guess of a row's height before it is measured: wrapped lines of its longer text, in two
 * columns (the source side of a group holding every source segment of it); nothing for a row
 * shown with the first row of its group.
 */
export function estimateRowHeight(row: Pick<EditorRow, 'source' | 'target' | 'continuesPrevious' | 'groupedSources'> | undefined, { charsPerLine = 56, lineHeight = 26, chrome = 64 } = {}): number {
  if (!row) return chrome + 2 * lineHeight;
  if (row.continuesPrevious) return 0;
  const sourceLines = [row.source.text, ...row.groupedSources.map((grouped) => grouped.text)].reduce((lines, text) => lines + Math.max(1, Math.ceil(text.length / charsPerLine)), 0);
  const lines = Math.max(sourceLines, Math.ceil(row.target.text.length / charsPerLine));
  return chrome + Math.max(2, lines) * lineHeight;
}

/** The row's translation is part of the row above's (a group translated as one): it is shown there, and its own row is empty. */
export function isContinuation(row: Pick<EditorRow, 'continuesPrevious'> | undefined, index: number): boolean {
  return !!row && row.continuesPrevious && index > 0;
}
