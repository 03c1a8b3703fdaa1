import { alignUnits, guideFromBeads, type ParagraphBreaks, type UnitAlignment } from './align-units';
import { buildAlignmentSide, type AlignmentSide } from './alignment-side';
import { buildAssociationLexicon, findAnchorLinks, type AssociationLexicon, type LinkWeights } from './association-lexicon';
import { learnTranslationModel } from './learn-translation-model';
import { findSeedLinks } from './seed-lexicon';
import { resolveAlignOptions, type AlignOptions, type Bead, type ResolvedAlignOptions } from './types';

/** Links kept per word type, strongest first (bounds the cost of the evidence pass). */
const LINKS_PER_TYPE = 6;
/**
 * Weight of a word pair of the seed lexicon: below identical words (1), about a cognate's
 * (0.3 + 0.6 × shared prefix / length). On the 1957 dev set 0.3 / 0.5 / 0.7 / 1 gave strict F1
 * 0.900 / 0.910 / 0.904 / 0.873 (docs/alignment.md).
 */
const SEED_LINK_WEIGHT = 0.5;
/** Beads below this confidence are not used to learn associations. */
const LEARN_MIN_SCORE = 0.2;

/** Internal statistics of one run, exposed for tests and benchmarks. */
export interface AlignmentStats {
  /** Largest number of DP cells held at once (memory is proportional to it). */
  cells: number;
  /** DP passes run (1 + iterations). */
  passes: number;
}

/**
 * The width of the first band of a pass over `n` × `m` sentences: a path drifts from the diagonal
 * roughly with the square root of the text's length (each merge or omission is a step of a random
 * walk), so a long book starts with a wider band rather than paying for a first pass that only
 * finds the edge.
 */
export function initialBandWidth(n: number, m: number, options: Pick<ResolvedAlignOptions, 'bandWidth'>): number {
  return Math.max(options.bandWidth, Math.ceil(Math.sqrt(Math.max(n, m)) / 2));
}

/**
 * Aligns two prepared sides: a first pass on length and anchors (numbers, punctuation,
 * identical words and cognates), then `iterations` rounds of learning word associations
 * (IBM Model 1) from the confident beads and re-aligning inside a band around the previous path.
 */
export function alignPreparedSides(source: AlignmentSide, target: AlignmentSide, options: ResolvedAlignOptions, stats?: AlignmentStats, lengthRatio?: number, breaks?: ParagraphBreaks): UnitAlignment {
  const bandWidth = initialBandWidth(source.count, target.count, options);
  const anchors = findAnchorLinks(source, target);
  if (options.seedLexicon) mergeLinks(anchors, findSeedLinks(source, target, options.seedLexicon, SEED_LINK_WEIGHT));
  let lexicon: AssociationLexicon = buildAssociationLexicon(source, target, [anchors], LINKS_PER_TYPE);
  let result = alignUnits(source, target, lexicon, { lexicalWeight: options.lexicalWeight, maxBeadSide: options.maxBeadSide, maxBandCells: options.maxBandCells, bandWidth, lengthRatio, breaks });
  let cells = result.cells;
  for (let round = 0; round < options.iterations; round++) {
    const confident = result.beads.filter((bead) => bead.score >= LEARN_MIN_SCORE && bead.sourceEnd > bead.sourceStart && bead.targetEnd > bead.targetStart);
    lexicon = buildAssociationLexicon(source, target, [anchors, learnTranslationModel(source, target, confident)], LINKS_PER_TYPE);
    result = alignUnits(source, target, lexicon, {
      lexicalWeight: options.lexicalWeight,
      maxBeadSide: options.maxBeadSide,
      maxBandCells: options.maxBandCells,
      bandWidth,
      lengthRatio,
      breaks,
      guide: guideFromBeads(result.beads, source.count),
    });
    cells = Math.max(cells, result.cells);
  }
  if (stats) {
    stats.cells = cells;
    stats.passes = options.iterations + 1;
  }
  return result;
}

/**
 * Aligns two lists of sentences (a text and its translation) into beads.
 *
 * Invariant: every source and every target index appears in exactly one bead, beads are in
 * ascending order on both sides (monotone), each bead's indices are contiguous, and every
 * score is in [0, 1] (low = the aligner had a close alternative; list these first for review).
 * Memory is linear in the number of sentences times the band width, not quadratic.
 */
export function alignSentences(source: readonly string[], target: readonly string[], options?: AlignOptions, stats?: AlignmentStats): Bead[] {
  const resolved = resolveAlignOptions(options);
  const sourceSide = buildAlignmentSide(source.map((sentence) => [sentence]));
  const targetSide = buildAlignmentSide(target.map((sentence) => [sentence]));
  const result = alignPreparedSides(sourceSide, targetSide, resolved, stats);
  return result.beads.map((bead) => ({ source: range(bead.sourceStart, bead.sourceEnd), target: range(bead.targetStart, bead.targetEnd), score: bead.score }));
}

/** Adds `extra`'s links to `into`, keeping the stronger weight of a pair linked in both. */
function mergeLinks(into: LinkWeights, extra: LinkWeights): void {
  for (const [key, weight] of extra) if (weight > (into.get(key) ?? 0)) into.set(key, weight);
}

function range(start: number, end: number): number[] {
  const out: number[] = [];
  for (let k = start; k < end; k++) out.push(k);
  return out;
}
