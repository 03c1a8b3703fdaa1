/**
 * Order-preserving alignment of a work's segment texts with the texts of a new segmentation of
 * the same source (a re-import with other cleanup choices). Pure, for unit tests and benchmarks.
 *
 * 1. Identical texts anchor the alignment, patience-diff style: common prefix and suffix, then
 *    the texts found exactly once on both sides, kept where their order agrees (longest
 *    increasing subsequence), recursively in the gaps between them.
 * 2. What is left between two anchors is aligned by dynamic programming on text similarity
 *    (Dice coefficient of character bigrams), inside a band around the diagonal when the gap is
 *    large, so a 10,000-segment work aligns in well under a second.
 */

/** Below this similarity two texts are not the same segment cleaned differently. */
const MIN_MATCH_SIMILARITY = 0.5;

/** Gaps with more cells than this are aligned inside a band around their diagonal. */
const FULL_DP_CELLS = 1_000_000;
/** Half-width of that band, beyond the difference in length of the two sides. */
const BAND = 100;

/** Text as compared: case, spacing and the break of a hyphenated word do not count. */
export function normalizeSegmentText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/-\s+/g, '').replace(/\s+/g, ' ').trim();
}

/** Sorted character-bigram codes of a normalized text (its letters alone for one-letter texts). */
function bigramsOf(text: string): Uint32Array {
  const compact = text.replace(/\s/g, '');
  if (compact.length < 2) return Uint32Array.from([...compact].map((ch) => ch.charCodeAt(0)));
  const codes = new Uint32Array(compact.length - 1);
  for (let i = 0; i < codes.length; i++) codes[i] = ((compact.charCodeAt(i) << 16) | compact.charCodeAt(i + 1)) >>> 0;
  return codes.sort();
}

/** Dice coefficient of two sorted bigram multisets, 0–1. */
function bigramSimilarity(a: Uint32Array, b: Uint32Array): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  // The most two sets can share is the smaller one: skip pairs that cannot reach the threshold.
  if ((2 * Math.min(a.length, b.length)) / total < MIN_MATCH_SIMILARITY) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return (2 * shared) / total;
}

interface Side {
  keys: string[];
  bigrams: (Uint32Array | undefined)[];
}

/**
 * For each new text, the index of the old text it replaces, or null when it is new. Matches are
 * strictly increasing on both sides; an old text matched by nothing has no counterpart.
 */
export function alignSegmentTexts(oldTexts: readonly string[], newTexts: readonly string[]): (number | null)[] {
  const before: Side = { keys: oldTexts.map(normalizeSegmentText), bigrams: [] };
  const after: Side = { keys: newTexts.map(normalizeSegmentText), bigrams: [] };
  const match = new Int32Array(newTexts.length).fill(-1);
  const similarity = (i: number, j: number): number => {
    if (before.keys[i] === after.keys[j]) return 1;
    before.bigrams[i] ??= bigramsOf(before.keys[i] as string);
    after.bigrams[j] ??= bigramsOf(after.keys[j] as string);
    return bigramSimilarity(before.bigrams[i], after.bigrams[j]);
  };

  // Ranges still to align, as [oldStart, oldEnd, newStart, newEnd); a stack instead of recursion.
  const ranges: [number, number, number, number][] = [[0, oldTexts.length, 0, newTexts.length]];
  while (ranges.length > 0) {
    let [a0, a1, b0, b1] = ranges.pop() as [number, number, number, number];
    while (a0 < a1 && b0 < b1 && before.keys[a0] === after.keys[b0]) match[b0++] = a0++;
    while (a0 < a1 && b0 < b1 && before.keys[a1 - 1] === after.keys[b1 - 1]) match[--b1] = --a1;
    if (a0 === a1 || b0 === b1) continue;
    const anchors = uniqueAnchors(before.keys, after.keys, a0, a1, b0, b1);
    if (anchors.length === 0) {
      alignBySimilarity(a0, a1, b0, b1, similarity, match);
      continue;
    }
    let prevA = a0;
    let prevB = b0;
    for (const [a, b] of anchors) {
      match[b] = a;
      ranges.push([prevA, a, prevB, b]);
      prevA = a + 1;
      prevB = b + 1;
    }
    ranges.push([prevA, a1, prevB, b1]);
  }
  return Array.from(match, (index) => (index < 0 ? null : index));
}

/** Texts found exactly once in both ranges, as [old, new] pairs whose order agrees on both sides. */
function uniqueAnchors(oldKeys: readonly string[], newKeys: readonly string[], a0: number, a1: number, b0: number, b1: number): [number, number][] {
  const seen = new Map<string, { oldCount: number; oldIndex: number; newCount: number; newIndex: number }>();
  for (let i = a0; i < a1; i++) {
    const entry = seen.get(oldKeys[i] as string);
    if (entry) entry.oldCount += 1;
    else seen.set(oldKeys[i] as string, { oldCount: 1, oldIndex: i, newCount: 0, newIndex: -1 });
  }
  for (let j = b0; j < b1; j++) {
    const entry = seen.get(newKeys[j] as string);
    if (entry) {
      entry.newCount += 1;
      entry.newIndex = j;
    }
  }
  const pairs: [number, number][] = [];
  for (const entry of seen.values()) if (entry.oldCount === 1 && entry.newCount === 1) pairs.push([entry.oldIndex, entry.newIndex]);
  pairs.sort((x, y) => x[1] - y[1]);
  return longestIncreasing(pairs);
}

/** The longest subsequence of pairs (sorted by new index) whose old indexes increase too. */
function longestIncreasing(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const value = (pairs[k] as [number, number])[0];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[tails[mid] as number] as [number, number])[0] < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1] as number;
    tails[lo] = k;
  }
  const result: [number, number][] = [];
  for (let k = tails.length > 0 ? (tails[tails.length - 1] as number) : -1; k >= 0; k = previous[k] as number) result.push(pairs[k] as [number, number]);
  return result.reverse();
}

/**
 * Maximum total similarity alignment of old[a0, a1) with new[b0, b1), pairs below
 * MIN_MATCH_SIMILARITY excluded; in a band around the diagonal for large gaps.
 */
function alignBySimilarity(a0: number, a1: number, b0: number, b1: number, similarity: (i: number, j: number) => number, match: Int32Array): void {
  const m = a1 - a0;
  const n = b1 - b0;
  const isBanded = m * n > FULL_DP_CELLS;
  const width = Math.abs(m - n) + BAND;
  const lo = (i: number) => (isBanded ? Math.max(0, Math.floor((i * n) / m) - width) : 0);
  const hi = (i: number) => (isBanded ? Math.min(n, Math.ceil((i * n) / m) + width) : n);
  // Row i covers columns lo(i)..hi(i); cells outside the band score -Infinity.
  const offsets = new Int32Array(m + 2);
  for (let i = 0; i <= m; i++) offsets[i + 1] = (offsets[i] as number) + hi(i) - lo(i) + 1;
  const score = new Float64Array(offsets[m + 1] as number);
  const move = new Uint8Array(offsets[m + 1] as number); // 0 diagonal match, 1 skip old, 2 skip new
  const at = (i: number, j: number): number => (j < lo(i) || j > hi(i) ? -Infinity : (score[(offsets[i] as number) + j - lo(i)] as number));
  for (let i = 0; i <= m; i++) {
    for (let j = lo(i); j <= hi(i); j++) {
      const cell = (offsets[i] as number) + j - lo(i);
      if (i === 0 && j === 0) continue;
      let best = -Infinity;
      let step = 0;
      if (i > 0 && j > 0) {
        const s = similarity(a0 + i - 1, b0 + j - 1);
        if (s >= MIN_MATCH_SIMILARITY) best = at(i - 1, j - 1) + s;
      }
      if (i > 0 && at(i - 1, j) > best) {
        best = at(i - 1, j);
        step = 1;
      }
      if (j > 0 && at(i, j - 1) > best) {
        best = at(i, j - 1);
        step = 2;
      }
      score[cell] = best;
      move[cell] = step;
    }
  }
  let i = m;
  let j = n;
  while (i > 0 || j > 0) {
    const step = move[(offsets[i] as number) + j - lo(i)];
    if (i > 0 && j > 0 && step === 0) {
      match[b0 + j - 1] = a0 + i - 1;
      i -= 1;
      j -= 1;
    } else if (i > 0 && (step === 1 || j === 0)) i -= 1;
    else j -= 1;
  }
}
