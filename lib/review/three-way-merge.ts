import { tokenize } from '../diff/word-diff';

/** A change of a run of base tokens [start, end) into `tokens`. */
interface Edit {
  start: number;
  end: number;
  tokens: string[];
}

/**
 * Word-level three-way merge: the changes `base → ours` and `base → theirs` applied together when
 * they touch different words. Returns the merged text, or null when both change the same words
 * differently (the editor resolves those by hand). Pure.
 */
export function mergeThreeWay(base: string, ours: string, theirs: string): string | null {
  if (ours === theirs) return ours;
  if (base === ours) return theirs;
  if (base === theirs) return ours;
  const baseTokens = tokenize(base);
  const a = editsFrom(baseTokens, tokenize(ours));
  const b = editsFrom(baseTokens, tokenize(theirs));
  const merged: string[] = [];
  let position = 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    let next: Edit;
    if (x && y && overlaps(x, y)) {
      if (x.start !== y.start || x.end !== y.end || x.tokens.join('') !== y.tokens.join('')) return null;
      next = x;
      i += 1;
      j += 1;
    } else if (x && (!y || x.start < y.start || (x.start === y.start && x.end <= y.end))) {
      next = x;
      i += 1;
    } else {
      next = y as Edit;
      j += 1;
    }
    merged.push(...baseTokens.slice(position, next.start), ...next.tokens);
    position = next.end;
  }
  merged.push(...baseTokens.slice(position));
  return merged.join('');
}

/** Two edits clash when their base ranges overlap, or both insert at the same point. */
function overlaps(x: Edit, y: Edit): boolean {
  if (x.start === x.end && y.start === y.end) return x.start === y.start;
  return x.start < y.end && y.start < x.end || (x.start === x.end && x.start > y.start && x.start < y.end) || (y.start === y.end && y.start > x.start && y.start < x.end);
}

/** The edits that turn `base` into `next`, from a longest common subsequence of tokens. */
function editsFrom(base: string[], next: string[]): Edit[] {
  const n = base.length;
  const m = next.length;
  // Suffix LCS lengths, row by row (texts here are single segments: a few hundred tokens).
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i -= 1) {
    const row = table[i] as Uint32Array;
    const below = table[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j -= 1) row[j] = base[i] === next[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  let open: Edit | null = null;
  const close = () => {
    if (open) edits.push(open);
    open = null;
  };
  while (i < n || j < m) {
    if (i < n && j < m && base[i] === next[j]) {
      close();
      i += 1;
      j += 1;
    } else if (j < m && (i === n || (table[i]?.[j + 1] ?? 0) >= (table[i + 1]?.[j] ?? 0))) {
      open ??= { start: i, end: i, tokens: [] };
      open.tokens.push(next[j] as string);
      j += 1;
    } else {
      open ??= { start: i, end: i, tokens: [] };
      open.end = i + 1;
      i += 1;
    }
  }
  close();
  return edits;
}
