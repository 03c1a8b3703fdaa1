import { tokenize } from '../diff/word-diff';

/** Tokens compared past this many are left out of the score (a sentence is far shorter). */
export const MAX_SCORED_TOKENS = 300;

/** The tokens a match is scored on: the word diff's words and punctuation marks, white space left out. */
export function matchTokens(text: string): string[] {
  return tokenize(text)
    .filter((token) => !/^\s/u.test(token))
    .slice(0, MAX_SCORED_TOKENS);
}

/**
 * The fuzzy-match percentage of a stored source against the sentence being translated, as
 * translation tools show it: 100 × (1 − word edit distance ÷ the longer side's length), words and
 * punctuation marks each one token, compared exactly (a changed capital or comma costs one
 * token). 100 only for the same tokens in the same order; rounded down, so 99.6 is not shown as
 * 100. Levenshtein on tokens with two rows: O(n·m) time, O(m) memory, n and m at most
 * {@link MAX_SCORED_TOKENS}.
 */
export function matchPercent(stored: readonly string[], current: readonly string[]): number {
  const longer = Math.max(stored.length, current.length);
  if (longer === 0) return 100;
  let previous = Array.from({ length: current.length + 1 }, (_, j) => j);
  let row = new Array<number>(current.length + 1).fill(0);
  for (let i = 1; i <= stored.length; i += 1) {
    row[0] = i;
    for (let j = 1; j <= current.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (stored[i - 1] === current[j - 1] ? 0 : 1);
      row[j] = Math.min(substitution, (previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1);
    }
    [previous, row] = [row, previous];
  }
  const distance = previous[current.length] ?? longer;
  return Math.floor((100 * (longer - distance)) / longer);
}
