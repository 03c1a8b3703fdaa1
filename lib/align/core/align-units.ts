import type { AlignmentSide } from './alignment-side';
import type { AssociationLexicon, LinkList } from './association-lexicon';

/*
 * The banded dynamic program shared by sentence and paragraph alignment.
 *
 * Typed-array reads use `!`: every index is either produced by the band
 * (`cellIndex` returns -1 outside it, checked before use) or bounded by the unit counts.
 */

/** Knobs of one DP pass. */
export interface AlignUnitsParams {
  /** Weight of the lexical similarity bonus against the length and prior costs. */
  lexicalWeight: number;
  /** Largest number of units on one side of a bead (2 or 3). */
  maxBeadSide: number;
  /** Initial half-width of the band (target units on each side of the centre line). */
  bandWidth: number;
  /** Target characters per source character; estimated from the two sides when absent. */
  lengthRatio?: number;
  /**
   * Expected path: for each source boundary 0..n, the lowest and highest target boundary
   * it was aligned to in a previous pass. Without it the band follows the diagonal.
   */
  guide?: { low: Float64Array; high: Float64Array };
}

/** One bead of a unit alignment: half-open ranges on both sides and its confidence. */
export interface UnitBead {
  sourceStart: number;
  sourceEnd: number;
  targetStart: number;
  targetEnd: number;
  score: number;
}

/** Result of {@link alignUnits}. */
export interface UnitAlignment {
  beads: UnitBead[];
  /** DP cells of the final band: memory grows with this, not with n × m. */
  cells: number;
  /** Total cost of the best path (lower is better). */
  cost: number;
  /** Final band half-width, after any widening. */
  bandWidth: number;
}

/**
 * Bead shapes (source units, target units) and their prior probabilities, after Gale & Church
 * (1993). Insertions and deletions get 0.02 instead of 0.005 (tuned on the 1957 dev set): the
 * lexical bonus already makes 1–1 beads attractive, and real texts (captions, notes) drop
 * whole runs of sentences. 1–3 and 3–1 get 0.001, so that a 1–2 bead plus an unmatched note
 * is not outbid by one 1–3 bead that swallows the note.
 */
const SHAPES: readonly (readonly [number, number, number])[] = [
  [1, 1, 0.89],
  [1, 0, 0.02],
  [0, 1, 0.02],
  [2, 1, 0.0445],
  [1, 2, 0.0445],
  [2, 2, 0.011],
  [3, 1, 0.001],
  [1, 3, 0.001],
];

/** Variance of the target/source length difference per character (Gale & Church). */
const LENGTH_VARIANCE = 6.8;

/**
 * Confidence scale: a bead whose best alternative costs `margin` more than the chosen
 * path gets score 1 − exp(−margin / MARGIN_SCALE).
 */
const MARGIN_SCALE = 3;

interface Band {
  rows: number;
  columns: number;
  low: Int32Array;
  high: Int32Array;
  offset: Int32Array;
  size: number;
}

function buildBand(rows: number, columns: number, low: Float64Array, high: Float64Array, width: number): Band {
  const lo = new Int32Array(rows + 1);
  const hi = new Int32Array(rows + 1);
  for (let i = 0; i <= rows; i++) {
    lo[i] = Math.max(0, Math.floor(low[i]!) - width);
    hi[i] = Math.min(columns, Math.ceil(high[i]!) + width);
  }
  lo[0] = 0;
  hi[rows] = columns;
  // Monotone band edges keep every cell reachable and make column ranges contiguous.
  for (let i = rows - 1; i >= 0; i--) lo[i] = Math.min(lo[i]!, lo[i + 1]!);
  for (let i = 1; i <= rows; i++) hi[i] = Math.max(hi[i]!, hi[i - 1]!);
  // Consecutive rows must overlap, or steep slopes (m ≫ n) would leave rows unreachable.
  for (let i = rows - 1; i >= 0; i--) hi[i] = Math.max(hi[i]!, Math.min(columns, lo[i + 1]!));
  for (let i = 1; i <= rows; i++) hi[i] = Math.max(hi[i]!, hi[i - 1]!);
  const offset = new Int32Array(rows + 2);
  for (let i = 0; i <= rows; i++) offset[i + 1] = offset[i]! + (hi[i]! - lo[i]! + 1);
  return { rows, columns, low: lo, high: hi, offset, size: offset[rows + 1]! };
}

function cellIndex(band: Band, i: number, j: number): number {
  if (i < 0 || i > band.rows) return -1;
  const lo = band.low[i]!;
  if (j < lo || j > band.high[i]!) return -1;
  return band.offset[i]! + j - lo;
}

/** −ln(erfc(z)) for z ≥ 0, computed in log space (Numerical Recipes' erfcc) so long mismatches do not underflow. */
function negLogErfc(z: number): number {
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return -Math.log(t) + z * z - poly;
}

/** Gale–Church length cost of aligning `sourceLength` with `targetLength` characters. */
function lengthCost(sourceLength: number, targetLength: number, ratio: number): number {
  if (sourceLength === 0 && targetLength === 0) return 0;
  const scaled = targetLength / ratio;
  const mean = (sourceLength + scaled) / 2;
  const delta = (scaled - sourceLength) / Math.sqrt(mean * LENGTH_VARIANCE);
  return negLogErfc(Math.abs(delta) / Math.SQRT2);
}

/**
 * Lexical evidence inside the band. `pair[i, j]`: for each token of i, the strongest association
 * weight to any token of j, summed, plus the same from j's side. Summing pairs over a merged
 * bead would count a token twice when it links into two neighbouring sentences ("der" ~ "le" in
 * both), which inflates merges; `overlapTarget[i, j]` (token of i linking into j and j + 1) and
 * `overlapSource[i, j]` (token of j linking into i and i + 1) hold the amounts to subtract.
 * Postings lists make this cost proportional to token links, not to |band| × tokens².
 */
interface PairEvidence {
  /** From the source side: how much of sentence i is explained by j. */
  forward: Float32Array;
  /** From the target side: how much of sentence j is explained by i. */
  backward: Float32Array;
  overlapTarget: Float32Array;
  overlapSource: Float32Array;
}

function computePairEvidence(source: AlignmentSide, target: AlignmentSide, lexicon: AssociationLexicon, band: Band, sourceTypeWeight: Float64Array, targetTypeWeight: Float64Array): PairEvidence {
  const forward = new Float32Array(band.size);
  const backward = new Float32Array(band.size);
  const overlapTarget = new Float32Array(band.size);
  const overlapSource = new Float32Array(band.size);
  const n = source.count;
  const m = target.count;
  let stamp = 0;

  const spread = (
    tokens: Int32Array,
    links: readonly LinkList[],
    postings: readonly Int32Array[],
    typeWeight: Float64Array,
    lo: number,
    hi: number,
    stamps: Int32Array,
    hitWeight: Float64Array,
    touched: Int32Array,
    record: (other: number, weight: number, overlapWithNext: number) => void,
  ): void => {
    for (const token of tokens) {
      const list = links[token]!;
      const scale = typeWeight[token]!;
      stamp++;
      let count = 0;
      for (let k = 0; k < list.types.length; k++) {
        const posting = postings[list.types[k]!]!;
        const weight = list.weights[k]! * scale;
        for (let p = lowerBound(posting, lo); p < posting.length; p++) {
          const other = posting[p]!;
          if (other > hi) break;
          if (stamps[other] === stamp) continue;
          stamps[other] = stamp;
          hitWeight[other] = weight;
          touched[count++] = other;
        }
      }
      for (let c = 0; c < count; c++) {
        const other = touched[c]!;
        const next = other + 1;
        const overlap = next <= hi && stamps[next] === stamp ? Math.min(hitWeight[other]!, hitWeight[next]!) : 0;
        record(other, hitWeight[other]!, overlap);
      }
    }
  };

  const stampTarget = new Int32Array(m).fill(-1);
  const hitTarget = new Float64Array(m);
  const touchedTarget = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    const lo = band.low[i]!;
    const hi = Math.min(band.high[i]!, m - 1);
    const rowBase = band.offset[i]! - lo;
    spread(source.tokens[i]!, lexicon.forward, target.postings, sourceTypeWeight, lo, hi, stampTarget, hitTarget, touchedTarget, (j, weight, overlap) => {
      forward[rowBase + j]! += weight;
      overlapTarget[rowBase + j]! += overlap;
    });
  }
  // Column j is inside the band for the contiguous rows [firstRow[j], lastRow[j]].
  const firstRow = new Int32Array(m).fill(n);
  const lastRow = new Int32Array(m).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = band.low[i]!; j <= Math.min(band.high[i]!, m - 1); j++) {
      if (firstRow[j]! > i) firstRow[j] = i;
      lastRow[j] = i;
    }
  }
  const stampSource = new Int32Array(n).fill(-1);
  const hitSource = new Float64Array(n);
  const touchedSource = new Int32Array(n);
  for (let j = 0; j < m; j++) {
    if (lastRow[j]! < firstRow[j]!) continue;
    spread(target.tokens[j]!, lexicon.backward, source.postings, targetTypeWeight, firstRow[j]!, lastRow[j]!, stampSource, hitSource, touchedSource, (i, weight, overlap) => {
      const index = band.offset[i]! + j - band.low[i]!;
      backward[index]! += weight;
      overlapSource[index]! += overlap;
    });
  }
  return { forward, backward, overlapTarget, overlapSource };
}

function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Target/source character ratio, smoothed towards 1 so that a short text (or one side with an
 * extra paragraph) does not skew every length cost.
 */
export function estimateLengthRatio(sourceChars: number, targetChars: number): number {
  return (targetChars + RATIO_SMOOTHING) / (sourceChars + RATIO_SMOOTHING);
}

/** Pseudo-characters added to both sides when estimating the length ratio. */
const RATIO_SMOOTHING = 300;

/**
 * Weight of each token type. Uniform for now: inverse-document-frequency damping was tried and
 * changed dev F1 by less than 0.005, so the simpler weighting stays.
 */
function typeWeights(side: AlignmentSide): Float64Array {
  return new Float64Array(side.vocabulary.length).fill(1);
}

function sumWeights(tokens: Int32Array, weights: Float64Array): number {
  let total = 0;
  for (const token of tokens) total += weights[token]!;
  return total;
}

function prefixSums(values: ArrayLike<number>): Float64Array {
  const sums = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) sums[i + 1] = sums[i]! + values[i]!;
  return sums;
}

/**
 * Aligns two sequences of units with a banded dynamic program. The cost of a bead is
 * its shape prior plus the Gale–Church length cost, minus `lexicalWeight` × lexical
 * similarity × (units in the bead / 2), so that merging two good pairs into one bead earns no
 * more bonus than keeping them apart. The band is widened (doubled) whenever the best path
 * touches its edge, so banding never silently forces a worse path.
 *
 * Every bead's confidence comes from a forward and a backward pass: the margin between the
 * best path and the best path that places the bead's boundaries elsewhere.
 */
export function alignUnits(source: AlignmentSide, target: AlignmentSide, lexicon: AssociationLexicon, params: AlignUnitsParams): UnitAlignment {
  const n = source.count;
  const m = target.count;
  const sourceLength = prefixSums(source.lengths);
  const targetLength = prefixSums(target.lengths);
  const ratio = params.lengthRatio ?? estimateLengthRatio(sourceLength[n]!, targetLength[m]!);
  const sourceTypeWeight = typeWeights(source);
  const targetTypeWeight = typeWeights(target);
  const sourceWeight = prefixSums(source.tokens.map((tokens) => sumWeights(tokens, sourceTypeWeight)));
  const targetWeight = prefixSums(target.tokens.map((tokens) => sumWeights(tokens, targetTypeWeight)));
  const shapes = SHAPES.filter(([a, b]) => a <= params.maxBeadSide && b <= params.maxBeadSide).map(([a, b, p]) => ({ a, b, prior: -Math.log(p) }));

  let low: Float64Array;
  let high: Float64Array;
  if (params.guide) {
    low = params.guide.low;
    high = params.guide.high;
  } else {
    low = new Float64Array(n + 1);
    for (let i = 0; i <= n; i++) low[i] = n === 0 ? 0 : (i * m) / n;
    high = low;
  }

  let width = params.bandWidth;
  for (;;) {
    const band = buildBand(n, m, low, high, width);
    const evidence = computePairEvidence(source, target, lexicon, band, sourceTypeWeight, targetTypeWeight);
    const at = (array: Float32Array, i: number, j: number): number => {
      const index = cellIndex(band, i, j);
      return index >= 0 ? array[index]! : 0;
    };
    const beadCost = (i0: number, j0: number, a: number, b: number, prior: number): number => {
      // An unmatched sentence pays its prior only: Gale–Church's length term for 1–0 grows with
      // the sentence, which pushed long untranslated captions into bogus 1–3 merges on dev.
      if (a === 0 || b === 0) return prior;
      const cost = prior + lengthCost(sourceLength[i0 + a]! - sourceLength[i0]!, targetLength[j0 + b]! - targetLength[j0]!, ratio);
      // Each sentence of the bead earns up to lexicalWeight / 2 for the share of its tokens the
      // other side explains, so an unrelated sentence merged into a bead earns nothing.
      let bonus = 0;
      for (let i = i0; i < i0 + a; i++) {
        let covered = 0;
        for (let j = j0; j < j0 + b; j++) {
          covered += at(evidence.forward, i, j);
          if (j + 1 < j0 + b) covered -= at(evidence.overlapTarget, i, j);
        }
        const w = sourceWeight[i + 1]! - sourceWeight[i]!;
        if (w > 0) bonus += Math.min(1, Math.max(0, covered) / w);
      }
      for (let j = j0; j < j0 + b; j++) {
        let covered = 0;
        for (let i = i0; i < i0 + a; i++) {
          covered += at(evidence.backward, i, j);
          if (i + 1 < i0 + a) covered -= at(evidence.overlapSource, i, j);
        }
        const w = targetWeight[j + 1]! - targetWeight[j]!;
        if (w > 0) bonus += Math.min(1, Math.max(0, covered) / w);
      }
      return cost - (params.lexicalWeight * bonus) / 2;
    };

    const forward = new Float64Array(band.size).fill(Infinity);
    const back = new Uint8Array(band.size);
    forward[0] = 0;
    for (let i = 0; i <= n; i++) {
      for (let j = band.low[i]!; j <= band.high[i]!; j++) {
        const here = band.offset[i]! + j - band.low[i]!;
        if (i === 0 && j === 0) continue;
        let best = Infinity;
        let bestShape = 0;
        for (let k = 0; k < shapes.length; k++) {
          const { a, b, prior } = shapes[k]!;
          const from = cellIndex(band, i - a, j - b);
          if (from < 0) continue;
          const start = forward[from]!;
          if (start === Infinity) continue;
          const total = start + beadCost(i - a, j - b, a, b, prior);
          if (total < best) {
            best = total;
            bestShape = k;
          }
        }
        forward[here] = best;
        back[here] = bestShape;
      }
    }

    const path: [number, number][] = [[n, m]];
    for (let i = n, j = m; i > 0 || j > 0; ) {
      const { a, b } = shapes[back[cellIndex(band, i, j)]!]!;
      i -= a;
      j -= b;
      path.push([i, j]);
    }
    path.reverse();

    const touchesEdge = path.some(([i, j]) => (j === band.low[i]! && j > 0) || (j === band.high[i]! && j < m));
    if (touchesEdge && width < m) {
      width *= 2;
      continue;
    }

    const backward = new Float64Array(band.size).fill(Infinity);
    backward[cellIndex(band, n, m)] = 0;
    for (let i = n; i >= 0; i--) {
      for (let j = band.high[i]!; j >= band.low[i]!; j--) {
        if (i === n && j === m) continue;
        let best = Infinity;
        for (const { a, b, prior } of shapes) {
          const to = cellIndex(band, i + a, j + b);
          if (to < 0) continue;
          const rest = backward[to]!;
          if (rest === Infinity) continue;
          const total = rest + beadCost(i, j, a, b, prior);
          if (total < best) best = total;
        }
        backward[band.offset[i]! + j - band.low[i]!] = best;
      }
    }

    const bestCost = forward[cellIndex(band, n, m)]!;
    const onPath = new Uint8Array(band.size);
    for (const [i, j] of path) onPath[cellIndex(band, i, j)] = 1;
    const rowAlternative = new Float64Array(n + 1).fill(Infinity);
    const columnAlternative = new Float64Array(m + 1).fill(Infinity);
    for (let i = 0; i <= n; i++) {
      for (let j = band.low[i]!; j <= band.high[i]!; j++) {
        const index = band.offset[i]! + j - band.low[i]!;
        if (onPath[index]) continue;
        const total = forward[index]! + backward[index]!;
        if (total < rowAlternative[i]!) rowAlternative[i] = total;
        if (total < columnAlternative[j]!) columnAlternative[j] = total;
      }
    }
    const cellMargin = (i: number, j: number): number => Math.min(rowAlternative[i]!, columnAlternative[j]!) - bestCost;

    const beads: UnitBead[] = [];
    for (let k = 1; k < path.length; k++) {
      const [i0, j0] = path[k - 1]!;
      const [i1, j1] = path[k]!;
      const margin = Math.max(0, Math.min(cellMargin(i0, j0), cellMargin(i1, j1)));
      beads.push({ sourceStart: i0, sourceEnd: i1, targetStart: j0, targetEnd: j1, score: 1 - Math.exp(-margin / MARGIN_SCALE) });
    }
    return { beads, cells: band.size, cost: bestCost, bandWidth: width };
  }
}

/** The band guide for the next pass: for each source boundary, the target boundaries the path visited. */
export function guideFromBeads(beads: readonly UnitBead[], sourceCount: number): { low: Float64Array; high: Float64Array } {
  const low = new Float64Array(sourceCount + 1).fill(Infinity);
  const high = new Float64Array(sourceCount + 1).fill(-Infinity);
  const visit = (i: number, j: number): void => {
    if (j < low[i]!) low[i] = j;
    if (j > high[i]!) high[i] = j;
  };
  for (const bead of beads) {
    visit(bead.sourceStart, bead.targetStart);
    visit(bead.sourceEnd, bead.targetEnd);
    // Rows inside a many-to-x bead are not visited by the path; span the bead's target range.
    for (let i = bead.sourceStart + 1; i < bead.sourceEnd; i++) {
      visit(i, bead.targetStart);
      visit(i, bead.targetEnd);
    }
  }
  if (beads.length === 0) visit(0, 0);
  return { low, high };
}
