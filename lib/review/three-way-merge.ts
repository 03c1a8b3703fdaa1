import { diffTokens, tokenize, type TokenEdit } from '../diff/word-diff';

/**
 * Word-level three-way merge: the changes `base → ours` and `base → theirs` applied together when
 * they touch different words. Returns the merged text, or null when both change the same words
 * differently (the editor resolves those by hand), or texts too far apart for a word diff (one
 * edit then covers the whole changed stretch, so the other side's edits overlap it). Pure.
 */
export function mergeThreeWay(base: string, ours: string, theirs: string): string | null {
  if (ours === theirs) return ours;
  if (base === ours) return theirs;
  if (base === theirs) return ours;
  const baseTokens = tokenize(base);
  const a = diffTokens(baseTokens, tokenize(ours));
  const b = diffTokens(baseTokens, tokenize(theirs));
  const merged: string[] = [];
  let position = 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    let next: TokenEdit;
    if (x && y && overlaps(x, y)) {
      if (x.start !== y.start || x.end !== y.end || x.tokens.join('') !== y.tokens.join('')) return null;
      next = x;
      i += 1;
      j += 1;
    } else if (x && (!y || x.start < y.start || (x.start === y.start && x.end <= y.end))) {
      next = x;
      i += 1;
    } else {
      next = y as TokenEdit;
      j += 1;
    }
    merged.push(...baseTokens.slice(position, next.start), ...next.tokens);
    position = next.end;
  }
  merged.push(...baseTokens.slice(position));
  return merged.join('');
}

/** Two edits clash when their base ranges overlap, or both insert at the same point. */
function overlaps(x: TokenEdit, y: TokenEdit): boolean {
  if (x.start === x.end && y.start === y.end) return x.start === y.start;
  return x.start < y.end && y.start < x.end || (x.start === x.end && x.start > y.start && x.start < y.end) || (y.start === y.end && y.start > x.start && y.start < x.end);
}
