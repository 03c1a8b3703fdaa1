import type { AlignmentSide } from './alignment-side';
import type { AssociationLexicon, LinkList } from './association-lexicon';
import { MAX_ALIGN_BAND_CELLS } from '../../config/limits';

/*
 * The banded dynamic program shared by sentence and paragraph alignment.
 *
 * Typed-array reads use `!`: every index is either produced by a band (cells outside it are
 * checked before use) or bounded by the unit counts.
 */

/** Knobs of one DP pass. */
export interface AlignUnitsParams {
  /** Weight of the lexical similarity bonus against the length and prior costs. */
  lexicalWeight: number;
  /** Largest number of units on one side of a bead (2 to 4). */
  maxBeadSide: number;
  /** Most cells the band may hold before it stops widening (default {@link MAX_ALIGN_BAND_CELLS}). */
  maxBandCells?: number;
  /** Initial half-width of the band (target units on each side of the centre line). */
  bandWidth: number;
  /** Target characters per source character; estimated from the two sides when absent. */
  lengthRatio?: number;
  /**
   * Expected path: for each source boundary 0..n, the lowest and highest target boundary
   * it was aligned to in a previous pass. Without it the band follows the diagonal.
   */
  guide?: { low: Float64Array; high: Float64Array };
  /**
   * Paragraph breaks, as boundaries: `source[i]` is 1 when a paragraph starts before source unit i
   * (0..n), likewise `target[j]`. A path that passes through a boundary where both sides start a
   * paragraph earns `weight`: paragraph breaks mostly survive translation, but a bead may still
   * cross one on one side (an announcement "he said:" and its reply in one sentence of the other).
   */
  breaks?: ParagraphBreaks;
}

/** See {@link AlignUnitsParams.breaks}. */
export interface ParagraphBreaks {
  source: Uint8Array;
  target: Uint8Array;
  weight: number;
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
 * (1993), with changes tuned on the 1957 dev set:
 * - insertions and deletions get 0.02 instead of 0.005: real texts (captions, notes) drop whole
 *   runs of sentences;
 * - 1–3 and 3–1 get 0.001, so that a 1–2 bead plus an unmatched note is not outbid by one 1–3
 *   bead that swallows the note;
 * - 2–3, 3–2, 1–4, 4–1 and 3–3 exist at all (texts split lists and long periods differently),
 *   with small priors. Without the chance correction of the lexical bonus (see
 *   {@link computeBeadCosts}) such large beads swallowed their neighbours.
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
  [2, 3, 0.001],
  [3, 2, 0.001],
  [4, 1, 0.0002],
  [1, 4, 0.0002],
  [3, 3, 0.0001],
];

/**
 * Prior of a 1–0 or 0–1 bead whose sentence is OCR debris (see {@link AlignmentSide.debris}: a page
 * number, a row of dots, a stray mark). Such fragments are nearly always left out of the
 * translation, but they carry no token either way, so at the general 0.02 merging them into a
 * neighbouring bead cost less than leaving them alone. On the 1957 dev set 0.14 (half the cost of
 * 0.02) raised strict F1 from 0.910 to 0.917 (docs/alignment.md).
 */
const DEBRIS_INDEL_PRIOR = 0.14;

/**
 * Runs of unmatched units. Translations leave out whole runs (a block of photo captions, a
 * footnote, a list the other text drops): after the first two units of a run, each further unit
 * costs {@link RUN_DISCOUNT} less than an isolated 1–0 or 0–1 bead (prior about 0.055 instead of
 * 0.02). A run of up to {@link MAX_RUN} units is one step of the DP (a longer one is several) and
 * one 1–0 or 0–1 bead per unit in the output. Without it, a 1–4 bead that swallowed four captions
 * (prior 0.0002) cost less than leaving them unmatched (4 × 0.02), and took a sentence away
 * from its translation after the run. On the 1957 dev set: strict F1 0.917 → 0.925 (docs/alignment.md).
 */
const MAX_RUN = 8;
const RUN_DISCOUNT = 1;

/** Band extensions around a path that touched the edge, before the whole band is doubled instead. */
const MAX_LOCAL_EXTENSIONS = 3;

/** Variance of the target/source length difference per character (Gale & Church). */
const LENGTH_VARIANCE = 6.8;

/**
 * Confidence scale: a bead whose best alternative costs `margin` more than the chosen
 * path gets score 1 − exp(−margin / MARGIN_SCALE).
 */
const MARGIN_SCALE = 3;

interface Shape {
  /** Source units. */
  a: number;
  /** Target units. */
  b: number;
  /** −ln(prior probability). */
  prior: number;
}

/** The bead shapes allowed when no side may exceed `maxBeadSide` units. */
function beadShapes(maxBeadSide: number): Shape[] {
  return SHAPES.filter(([a, b]) => a <= maxBeadSide && b <= maxBeadSide).map(([a, b, p]) => ({ a, b, prior: -Math.log(p) }));
}

/** Cells (i, j) with low[i] ≤ j ≤ high[i], stored row after row. */
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
  return withOffsets(rows, columns, lo, hi);
}

function withOffsets(rows: number, columns: number, low: Int32Array, high: Int32Array): Band {
  const offset = new Int32Array(rows + 2);
  for (let i = 0; i <= rows; i++) offset[i + 1] = offset[i]! + (high[i]! - low[i]! + 1);
  return { rows, columns, low, high, offset, size: offset[rows + 1]! };
}

/**
 * The band widened by `margin` columns on both sides. Every unit pair inside a bead whose two
 * corners are in `band` is inside the widened band (edges are monotone and a bead spans at most
 * `margin` columns), so bead costs never depend on where the band edge happens to be.
 */
function widenBand(band: Band, margin: number): Band {
  const low = new Int32Array(band.rows + 1);
  const high = new Int32Array(band.rows + 1);
  for (let i = 0; i <= band.rows; i++) {
    low[i] = Math.max(0, band.low[i]! - margin);
    high[i] = Math.min(band.columns, band.high[i]! + margin);
  }
  return withOffsets(band.rows, band.columns, low, high);
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

/**
 * −ln(erfc(δ / √2)) tabulated for δ in [0, LENGTH_TABLE_LIMIT) in steps of 1 / LENGTH_TABLE_STEPS,
 * read with linear interpolation (error below 10⁻³, far under any cost difference that matters):
 * the DP prices every bead shape at every band cell, and the logarithm was a tenth of its time.
 */
const LENGTH_TABLE_STEPS = 32;
const LENGTH_TABLE_LIMIT = 40;
const LENGTH_TABLE = Float64Array.from({ length: LENGTH_TABLE_LIMIT * LENGTH_TABLE_STEPS + 2 }, (_, k) => negLogErfc(k / LENGTH_TABLE_STEPS / Math.SQRT2));

/** Gale–Church length cost of aligning `sourceLength` with `targetLength` characters (`inverseRatio` = source/target characters). */
export function lengthCost(sourceLength: number, targetLength: number, inverseRatio: number): number {
  if (sourceLength === 0 && targetLength === 0) return 0;
  const scaled = targetLength * inverseRatio;
  const delta = Math.abs(scaled - sourceLength) / Math.sqrt((sourceLength + scaled) * (LENGTH_VARIANCE / 2));
  if (delta >= LENGTH_TABLE_LIMIT) return negLogErfc(delta / Math.SQRT2);
  const x = delta * LENGTH_TABLE_STEPS;
  const k = x | 0;
  const below = LENGTH_TABLE[k]!;
  return below + (x - k) * (LENGTH_TABLE[k + 1]! - below);
}

/**
 * Lexical evidence for every unit pair of a band. For a pair (i, j): `forward` sums, over the
 * tokens of i, the strongest association weight to any token of j; `backward` does the same
 * from j's side. Summing pairs over a merged bead would count a token twice when it links into
 * two neighbouring units ("der" ~ "le" in both), which inflates merges; `overlapTarget[i, j]`
 * (tokens of i linking into j and j + 1) and `overlapSource[i, j]` (tokens of j linking into i
 * and i + 1) hold the amounts to subtract. Postings lists make this cost proportional to token
 * links, not to |band| × tokens².
 */
interface PairEvidence {
  forward: Float32Array;
  backward: Float32Array;
  overlapTarget: Float32Array;
  overlapSource: Float32Array;
}

function computePairEvidence(source: AlignmentSide, target: AlignmentSide, lexicon: AssociationLexicon, band: Band): PairEvidence {
  const forward = new Float32Array(band.size);
  const backward = new Float32Array(band.size);
  const overlapTarget = new Float32Array(band.size);
  const overlapSource = new Float32Array(band.size);
  const n = source.count;
  const m = target.count;
  let stamp = 0;

  // For one token: the strongest weight into each unit of [lo, hi] that holds a linked type,
  // and whether the next unit is hit too (for the overlap arrays).
  const spread = (
    tokens: Int32Array,
    links: readonly LinkList[],
    postings: readonly Int32Array[],
    lo: number,
    hi: number,
    stamps: Int32Array,
    hitWeight: Float64Array,
    touched: Int32Array,
    weights: Float32Array,
    overlaps: Float32Array,
    cellOf: (other: number) => number,
  ): void => {
    for (const token of tokens) {
      const list = links[token]!;
      stamp++;
      let count = 0;
      for (let k = 0; k < list.types.length; k++) {
        const posting = postings[list.types[k]!]!;
        const weight = list.weights[k]!;
        for (let p = lowerBound(posting, lo); p < posting.length; p++) {
          const other = posting[p]!;
          if (other > hi) break;
          // Links are strongest first: the first hit of a unit is its strongest.
          if (stamps[other] === stamp) continue;
          stamps[other] = stamp;
          hitWeight[other] = weight;
          touched[count++] = other;
        }
      }
      for (let c = 0; c < count; c++) {
        const other = touched[c]!;
        const next = other + 1;
        const cell = cellOf(other);
        weights[cell]! += hitWeight[other]!;
        if (next <= hi && stamps[next] === stamp) overlaps[cell]! += Math.min(hitWeight[other]!, hitWeight[next]!);
      }
    }
  };

  const stampTarget = new Int32Array(m).fill(-1);
  const hitTarget = new Float64Array(m);
  const touchedTarget = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    const lo = band.low[i]!;
    const rowBase = band.offset[i]! - lo;
    spread(source.tokens[i]!, lexicon.forward, target.postings, lo, Math.min(band.high[i]!, m - 1), stampTarget, hitTarget, touchedTarget, forward, overlapTarget, (j) => rowBase + j);
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
    spread(target.tokens[j]!, lexicon.backward, source.postings, firstRow[j]!, Math.min(lastRow[j]!, n - 1), stampSource, hitSource, touchedSource, backward, overlapSource, (i) => band.offset[i]! + j - band.low[i]!);
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
 * The cost of every bead the band allows, shape-major: `costs[k × band.size + cell]` prices the
 * bead of shape k that ends at that cell (Infinity when it would start outside the band).
 * Computed once and read by both the forward and the backward pass.
 *
 * Bead cost = prior + Gale–Church length cost − lexicalWeight / 2 × Σ (coverage − chance) over
 * the sentences of the bead. A sentence's coverage is the share of its tokens that the other
 * side of the bead explains (capped at 1); chance is the average coverage of that sentence by k
 * neighbouring sentences over the pass's band, where nearly all pairs are unrelated. Function
 * words link everywhere, and more so within one scene or topic, so without the correction every
 * merge earned something and large beads swallowed their neighbours. An unmatched sentence pays
 * its prior only: Gale–Church's length term for 1–0 grows with the sentence, which pushed long
 * untranslated captions into bogus merges on dev. An unmatched unit of OCR debris pays less
 * ({@link DEBRIS_INDEL_PRIOR}).
 */
function computeBeadCosts(
  source: AlignmentSide,
  target: AlignmentSide,
  lexicon: AssociationLexicon,
  band: Band,
  shapes: readonly Shape[],
  sourceLength: Float64Array,
  targetLength: Float64Array,
  ratio: number,
  lexicalWeight: number,
  breaks: ParagraphBreaks | undefined,
): Float32Array {
  const n = source.count;
  const m = target.count;
  const maxSide = shapes.reduce((most, shape) => Math.max(most, shape.a, shape.b), 1);
  const wide = widenBand(band, maxSide);
  const evidence = computePairEvidence(source, target, lexicon, wide);
  const half = lexicalWeight / 2;
  const inverseRatio = 1 / ratio;
  const { forward, backward, overlapTarget, overlapSource } = evidence;
  const { low, high, offset } = wide;

  // sourceBonus[k − 1][cell(i, j)]: coverage of source unit i by targets j … j + k − 1 (overlaps
  // between neighbours subtracted, capped at 1); targetBonus likewise for target unit j by sources
  // i … i + k − 1. Pairs outside the widened band carry no evidence. Turned into bonuses below.
  const sourceBonus: Float32Array[] = [];
  const targetBonus: Float32Array[] = [];
  const sourceChance: Float64Array[] = [];
  const targetChance: Float64Array[] = [];
  for (let k = 0; k < maxSide; k++) {
    sourceBonus.push(new Float32Array(wide.size));
    targetBonus.push(new Float32Array(wide.size));
    sourceChance.push(new Float64Array(n));
    targetChance.push(new Float64Array(m));
  }
  const sourceCells = new Float64Array(n);
  const targetCells = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const lo = low[i]!;
    const hi = Math.min(high[i]!, m - 1);
    const sourceTokens = source.tokens[i]!.length;
    for (let j = lo, cell = offset[i]!; j <= hi; j++, cell++) {
      // Chance is averaged over the pass's own band (not the widening margin).
      const inBand = j >= band.low[i]! && j <= band.high[i]!;
      if (inBand) {
        sourceCells[i]!++;
        targetCells[j]!++;
      }
      if (sourceTokens > 0) {
        let covered = 0;
        for (let k = 0; k < maxSide; k++) {
          if (j + k <= hi) {
            covered += forward[cell + k]!;
            if (k > 0) covered -= overlapTarget[cell + k - 1]!;
          }
          const coverage = Math.min(1, Math.max(0, covered) / sourceTokens);
          sourceBonus[k]![cell] = coverage;
          if (inBand) sourceChance[k]![i]! += coverage;
        }
      }
      const targetTokens = target.tokens[j]!.length;
      if (targetTokens > 0) {
        let covered = 0;
        for (let k = 0; k < maxSide; k++) {
          const s = i + k;
          if (s < n && j >= low[s]! && j <= high[s]!) {
            covered += backward[offset[s]! + j - low[s]!]!;
            if (k > 0) covered -= overlapSource[offset[s - 1]! + j - low[s - 1]!]!;
          }
          const coverage = Math.min(1, Math.max(0, covered) / targetTokens);
          targetBonus[k]![cell] = coverage;
          if (inBand) targetChance[k]![j]! += coverage;
        }
      }
    }
  }
  for (let k = 0; k < maxSide; k++) {
    for (let i = 0; i < n; i++) sourceChance[k]![i]! /= Math.max(1, sourceCells[i]!);
    for (let j = 0; j < m; j++) targetChance[k]![j]! /= Math.max(1, targetCells[j]!);
  }
  // Bonus = half × (coverage − chance); a unit without tokens earns nothing either way.
  for (let i = 0; i < n; i++) {
    const hi = Math.min(high[i]!, m - 1);
    const sourceTokens = source.tokens[i]!.length;
    for (let j = low[i]!, cell = offset[i]!; j <= hi; j++, cell++) {
      const targetTokens = target.tokens[j]!.length;
      for (let k = 0; k < maxSide; k++) {
        sourceBonus[k]![cell] = sourceTokens > 0 ? half * (sourceBonus[k]![cell]! - sourceChance[k]![i]!) : 0;
        targetBonus[k]![cell] = targetTokens > 0 ? half * (targetBonus[k]![cell]! - targetChance[k]![j]!) : 0;
      }
    }
  }

  const size = band.size;
  const costs = new Float32Array(size * shapes.length).fill(Infinity);
  for (let k = 0; k < shapes.length; k++) {
    const { a, b, prior } = shapes[k]!;
    for (let i = a; i <= n; i++) {
      const i0 = i - a;
      const first = Math.max(band.low[i]!, band.low[i0]! + b);
      const last = Math.min(band.high[i]!, band.high[i0]! + b);
      const base = k * size + band.offset[i]! - band.low[i]!;
      if (a === 0) {
        for (let j = first; j <= last; j++) costs[base + j] = unmatchedCost(target, j - 1, prior);
        continue;
      }
      if (b === 0) {
        const cost = unmatchedCost(source, i - 1, prior);
        for (let j = first; j <= last; j++) costs[base + j] = cost;
        continue;
      }
      const sourceCover = sourceBonus[b - 1]!;
      const targetCover = targetBonus[a - 1]!;
      const startRow = offset[i0]! - low[i0]!;
      const sourceSpan = sourceLength[i]! - sourceLength[i0]!;
      for (let j = first; j <= last; j++) {
        const j0 = j - b;
        let bonus = 0;
        for (let s = i0; s < i; s++) bonus += sourceCover[offset[s]! + j0 - low[s]!]!;
        for (let t = j0; t < j; t++) bonus += targetCover[startRow + t]!;
        costs[base + j] = prior + lengthCost(sourceSpan, targetLength[j]! - targetLength[j0]!, inverseRatio) - bonus;
      }
    }
  }
  if (breaks && breaks.weight !== 0) {
    // Every bead ending at a boundary shared by two paragraph breaks earns the weight once.
    for (let i = 1; i < n; i++) {
      if (!breaks.source[i]) continue;
      const rowBase = band.offset[i]! - band.low[i]!;
      for (let j = Math.max(1, band.low[i]!); j <= Math.min(m - 1, band.high[i]!); j++) {
        if (!breaks.target[j]) continue;
        for (let k = 0; k < shapes.length; k++) costs[k * size + rowBase + j]! -= breaks.weight;
      }
    }
  }
  return costs;
}

/** What leaving `unit` unmatched costs: the 1–0/0–1 prior, or {@link DEBRIS_INDEL_PRIOR}'s for OCR debris. */
function unmatchedCost(side: AlignmentSide, unit: number, prior: number): number {
  return side.debris[unit] ? DEBRIS_COST : prior;
}

const DEBRIS_COST = -Math.log(DEBRIS_INDEL_PRIOR);

/** Prefix sums of {@link unmatchedCost} over a side's units. */
function unmatchedCostSums(side: AlignmentSide, prior: number): Float64Array {
  const sums = new Float64Array(side.count + 1);
  for (let k = 0; k < side.count; k++) sums[k + 1] = sums[k]! + unmatchedCost(side, k, prior);
  return sums;
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

function prefixSums(values: ArrayLike<number>): Float64Array {
  const sums = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) sums[i + 1] = sums[i]! + values[i]!;
  return sums;
}

/**
 * Aligns two sequences of units with a banded dynamic program (bead costs: see
 * {@link computeBeadCosts}). Whenever the best path touches the band's edge, the band is widened
 * (around that path, then doubled), so the edge never clips the path it returns.
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
  const shapes = beadShapes(params.maxBeadSide);
  const shapeCount = shapes.length;
  const insertion = shapes.findIndex((shape) => shape.a === 0);
  const deletion = shapes.findIndex((shape) => shape.b === 0);
  // Runs of 2 … MAX_RUN unmatched units, priced from prefix sums rather than stored per cell;
  // back pointers index `steps`: the bead shapes, then insertion runs, then deletion runs.
  const runs = insertion >= 0 && deletion >= 0 ? Math.max(1, MAX_RUN) : 1;
  const steps: { a: number; b: number }[] = [...shapes];
  for (let k = 2; k <= runs; k++) steps.push({ a: 0, b: k });
  for (let k = 2; k <= runs; k++) steps.push({ a: k, b: 0 });
  const insertionRun = (k: number): number => shapeCount + k - 2;
  const deletionRun = (k: number): number => shapeCount + runs - 1 + k - 2;
  const insertionSums = unmatchedCostSums(target, insertion >= 0 ? shapes[insertion]!.prior : 0);
  const deletionSums = unmatchedCostSums(source, deletion >= 0 ? shapes[deletion]!.prior : 0);
  const runSaving = (k: number): number => (k - 2) * RUN_DISCOUNT;
  const breaks = params.breaks && params.breaks.weight !== 0 ? params.breaks : undefined;
  // The paragraph-break bonus of a step ending at (i, j), as computeBeadCosts gives the beads.
  const breakBonus = (i: number, j: number): number =>
    breaks && i > 0 && i < n && j > 0 && j < m && breaks.source[i] && breaks.target[j] ? breaks.weight : 0;

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
  let extensions = 0;
  for (;;) {
    const band = buildBand(n, m, low, high, width);
    const costs = computeBeadCosts(source, target, lexicon, band, shapes, sourceLength, targetLength, ratio, params.lexicalWeight, params.breaks);
    const { low: rowLow, high: rowHigh, offset: rowOffset, size } = band;
    const last = size - 1;

    // Forward pass, row by row and shape by shape (contiguous reads). Beads that end in the same
    // row (0–1) read cells of that row, so they come last and run left to right.
    const forward = new Float64Array(size).fill(Infinity);
    const back = new Uint8Array(size);
    forward[0] = 0;
    for (let i = 0; i <= n; i++) {
      const rowBase = rowOffset[i]! - rowLow[i]!;
      for (let k = 0; k < shapeCount; k++) {
        const { a, b } = shapes[k]!;
        if (a === 0 || a > i) continue;
        const r = i - a;
        const from = rowOffset[r]! - rowLow[r]! - b;
        const costBase = k * size + rowBase;
        const first = Math.max(rowLow[i]!, rowLow[r]! + b);
        const lastColumn = Math.min(rowHigh[i]!, rowHigh[r]! + b);
        for (let j = first; j <= lastColumn; j++) {
          const total = forward[from + j]! + costs[costBase + j]!;
          if (total < forward[rowBase + j]!) {
            forward[rowBase + j] = total;
            back[rowBase + j] = k;
          }
        }
      }
      for (let k = 2; k <= Math.min(runs, i); k++) {
        const r = i - k;
        const from = rowOffset[r]! - rowLow[r]!;
        const cost = deletionSums[i]! - deletionSums[r]! - runSaving(k);
        const lastColumn = Math.min(rowHigh[i]!, rowHigh[r]!);
        for (let j = Math.max(rowLow[i]!, rowLow[r]!); j <= lastColumn; j++) {
          const total = forward[from + j]! + cost - breakBonus(i, j);
          if (total < forward[rowBase + j]!) {
            forward[rowBase + j] = total;
            back[rowBase + j] = deletionRun(k);
          }
        }
      }
      if (insertion >= 0) {
        const costBase = insertion * size + rowBase;
        for (let j = rowLow[i]! + 1; j <= rowHigh[i]!; j++) {
          const total = forward[rowBase + j - 1]! + costs[costBase + j]!;
          if (total < forward[rowBase + j]!) {
            forward[rowBase + j] = total;
            back[rowBase + j] = insertion;
          }
          for (let k = 2; k <= Math.min(runs, j - rowLow[i]!); k++) {
            const run = forward[rowBase + j - k]! + insertionSums[j]! - insertionSums[j - k]! - runSaving(k) - breakBonus(i, j);
            if (run < forward[rowBase + j]!) {
              forward[rowBase + j] = run;
              back[rowBase + j] = insertionRun(k);
            }
          }
        }
      }
    }

    const path: [number, number][] = [[n, m]];
    for (let i = n, j = m; i > 0 || j > 0; ) {
      const { a, b } = steps[back[cellIndex(band, i, j)]!]!;
      // A run of unmatched units is one step of the DP but one bead per unit.
      for (let k = 1; k < b && a === 0; k++) path.push([i, j - k]);
      for (let k = 1; k < a && b === 0; k++) path.push([i - k, j]);
      i -= a;
      j -= b;
      path.push([i, j]);
    }
    path.reverse();

    const touchesEdge = path.some(([i, j]) => (j === rowLow[i]! && j > 0) || (j === rowHigh[i]! && j < m));
    // A wider band costs about twice the cells: stop before it would pass the bound.
    if (touchesEdge && width < m && 2 * size <= (params.maxBandCells ?? MAX_ALIGN_BAND_CELLS)) {
      // Widen where the path pressed against the edge: the next band spans both the old centre
      // line and this path, each ± width. It grows at every touched row, so this ends; after a
      // few rounds the whole band doubles instead.
      if (++extensions <= MAX_LOCAL_EXTENSIONS) {
        low = Float64Array.from(low);
        high = Float64Array.from(high);
        for (const [i, j] of path) {
          if (j < low[i]!) low[i] = j;
          if (j > high[i]!) high[i] = j;
        }
      } else {
        width *= 2;
      }
      continue;
    }

    // backward[cell] = best cost from the cell to (n, m). The bead from (i, j) to (i + a, j + b)
    // is the one the forward pass priced at its end cell.
    const backward = new Float64Array(size).fill(Infinity);
    backward[last] = 0;
    for (let i = n; i >= 0; i--) {
      const rowBase = rowOffset[i]! - rowLow[i]!;
      for (let k = 0; k < shapeCount; k++) {
        const { a, b } = shapes[k]!;
        if (a === 0 || i + a > n) continue;
        const r = i + a;
        const to = rowOffset[r]! - rowLow[r]! + b;
        const costBase = k * size + to;
        const first = Math.max(rowLow[i]!, rowLow[r]! - b);
        const lastColumn = Math.min(rowHigh[i]!, rowHigh[r]! - b);
        for (let j = first; j <= lastColumn; j++) {
          const total = backward[to + j]! + costs[costBase + j]!;
          if (total < backward[rowBase + j]!) backward[rowBase + j] = total;
        }
      }
      for (let k = 2; k <= Math.min(runs, n - i); k++) {
        const r = i + k;
        const to = rowOffset[r]! - rowLow[r]!;
        const cost = deletionSums[r]! - deletionSums[i]! - runSaving(k);
        const lastColumn = Math.min(rowHigh[i]!, rowHigh[r]!);
        for (let j = Math.max(rowLow[i]!, rowLow[r]!); j <= lastColumn; j++) {
          const total = backward[to + j]! + cost - breakBonus(r, j);
          if (total < backward[rowBase + j]!) backward[rowBase + j] = total;
        }
      }
      if (insertion >= 0) {
        const costBase = insertion * size + rowBase + 1;
        for (let j = rowHigh[i]! - 1; j >= rowLow[i]!; j--) {
          const total = backward[rowBase + j + 1]! + costs[costBase + j]!;
          if (total < backward[rowBase + j]!) backward[rowBase + j] = total;
          for (let k = 2; k <= Math.min(runs, rowHigh[i]! - j); k++) {
            const run = backward[rowBase + j + k]! + insertionSums[j + k]! - insertionSums[j]! - runSaving(k) - breakBonus(i, j + k);
            if (run < backward[rowBase + j]!) backward[rowBase + j] = run;
          }
        }
      }
    }

    const bestCost = forward[last]!;
    const onPath = new Uint8Array(size);
    for (const [i, j] of path) onPath[cellIndex(band, i, j)] = 1;
    const rowAlternative = new Float64Array(n + 1).fill(Infinity);
    const columnAlternative = new Float64Array(m + 1).fill(Infinity);
    for (let i = 0; i <= n; i++) {
      for (let j = rowLow[i]!, index = rowOffset[i]!; j <= rowHigh[i]!; j++, index++) {
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
    return { beads, cells: size, cost: bestCost, bandWidth: width };
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
