import { alignPreparedSides, initialBandWidth, type AlignmentStats } from './align-sentences';
import { estimateLengthRatio, type ParagraphBreaks, type UnitBead } from './align-units';
import { buildAlignmentSide } from './alignment-side';
import { resolveAlignOptions, type AlignOptions, type Bead, type ResolvedAlignOptions } from './types';

/**
 * What a path earns for passing through a boundary where both texts start a paragraph, against
 * the bead costs of align-units.ts (a 1–1 bead's prior is 0.12, a 2–1's 3.1, an insertion's 3.9):
 * enough to decide between alignments the sentences leave (nearly) equal, not enough to outweigh a
 * merge the sentences call for. On the English–Russian development set, whose breaks are rare
 * (headings, "he said:"), 0, 2 and 6 score alike (docs/alignment.md).
 */
const PARAGRAPH_BREAK_WEIGHT = 2;

/** A stretch of both texts aligned in one sentence-level pass: flattened sentence ranges. */
interface Window {
  sourceStart: number;
  sourceEnd: number;
  targetStart: number;
  targetEnd: number;
  /** Score of the beads of a window with one empty side (an unmatched paragraph). */
  score: number;
}

/**
 * Paragraph-aware alignment, at sentence level. The sentences of both texts are aligned in one
 * pass, as one sequence per side, and a path that passes through a boundary where both sides
 * start a paragraph earns a bonus: paragraph breaks guide the alignment without confining it, so
 * two paragraphs paired wrongly cannot cost all their sentences, and the word associations are
 * learned from the whole document.
 *
 * A document too long for one band of at most half of `maxBandCells` cells is cut into windows
 * first: its paragraphs are aligned as units (their summed length and pooled tokens, with the
 * same DP, on anchors alone), and the windows end at the paragraph boundaries that alignment is
 * most sure of. Each window is then aligned at sentence level as above, with its own learned
 * associations.
 *
 * Returns beads over the flattened sentence indices (paragraph 0's sentences first), with the
 * same invariants as {@link alignSentences}: every sentence in exactly one bead, monotone,
 * contiguous, scores in [0, 1].
 */
export function alignDocuments(
  source: readonly (readonly string[])[],
  target: readonly (readonly string[])[],
  options?: AlignOptions,
  stats?: AlignmentStats,
): Bead[] {
  const resolved = resolveAlignOptions(options);
  const sourceStarts = paragraphStarts(source);
  const targetStarts = paragraphStarts(target);
  const sourceSentences = source.flat();
  const targetSentences = target.flat();
  // One length ratio for the whole document: windows may be too short for their own estimate.
  const ratio = estimateLengthRatio(countChars(sourceSentences), countChars(targetSentences));
  const sourceBreaks = breaksAt(sourceStarts, sourceSentences.length);
  const targetBreaks = breaksAt(targetStarts, targetSentences.length);

  const whole: Window = { sourceStart: 0, sourceEnd: sourceSentences.length, targetStart: 0, targetEnd: targetSentences.length, score: 1 };
  const budget = resolved.maxBandCells / 2;
  // The paragraph pass only chooses where windows end, so it runs on anchors alone: learning word
  // associations between paragraphs of hundreds of words each trains millions of word pairs (the
  // 10,676-sentence book doubled: 57 s of CPU and 1.8 GB, against 18 s and 0.56 GB), and on the
  // English–Russian book cut into windows of about 3,000 and 1,000 sentences it changed F1 at gold
  // granularity by less than 0.001.
  const windows =
    source.length <= 1 || target.length <= 1 || firstBandCells(whole.sourceEnd - whole.sourceStart, whole.targetEnd - whole.targetStart, resolved) <= budget
      ? [whole]
      : windowsAtConfidentParagraphs(
          alignPreparedSides(buildAlignmentSide(source), buildAlignmentSide(target), { ...resolved, iterations: 0 }, undefined, ratio).beads,
          sourceStarts,
          targetStarts,
          resolved,
          budget,
        );

  const beads: Bead[] = [];
  let cells = 0;
  for (const window of windows) {
    const { sourceStart: sFrom, sourceEnd: sTo, targetStart: tFrom, targetEnd: tTo } = window;
    if (sTo === sFrom || tTo === tFrom) {
      for (let i = sFrom; i < sTo; i++) beads.push({ source: [i], target: [], score: window.score });
      for (let j = tFrom; j < tTo; j++) beads.push({ source: [], target: [j], score: window.score });
      continue;
    }
    const windowStats: AlignmentStats = { cells: 0, passes: 0 };
    const breaks: ParagraphBreaks = { source: sourceBreaks.subarray(sFrom, sTo + 1), target: targetBreaks.subarray(tFrom, tTo + 1), weight: PARAGRAPH_BREAK_WEIGHT };
    const inner = alignPreparedSides(
      buildAlignmentSide(sourceSentences.slice(sFrom, sTo).map((sentence) => [sentence])),
      buildAlignmentSide(targetSentences.slice(tFrom, tTo).map((sentence) => [sentence])),
      resolved,
      windowStats,
      ratio,
      breaks,
    );
    cells = Math.max(cells, windowStats.cells);
    for (const bead of inner.beads) {
      beads.push({ source: range(sFrom + bead.sourceStart, sFrom + bead.sourceEnd), target: range(tFrom + bead.targetStart, tFrom + bead.targetEnd), score: bead.score });
    }
  }
  if (stats) {
    stats.cells = cells;
    stats.passes = resolved.iterations + 1;
  }
  return beads;
}

/** Cells of the first band of a sentence-level pass over `n` × `m` sentences (see `alignPreparedSides` and `buildBand`). */
function firstBandCells(n: number, m: number, options: ResolvedAlignOptions): number {
  return (n + 1) * (2 * initialBandWidth(n, m, options) + 2 + Math.ceil(m / Math.max(1, n)));
}

/**
 * Cuts a document into windows whose first band fits `budget` cells, at boundaries between
 * paragraph beads. Where a window must end, it ends at the boundary within it whose two
 * neighbouring paragraph beads are the most confident (the later one on a tie), so that a wrong
 * paragraph pairing rarely becomes a wall the sentence pass cannot cross.
 */
function windowsAtConfidentParagraphs(paragraphs: readonly UnitBead[], sourceStarts: readonly number[], targetStarts: readonly number[], options: ResolvedAlignOptions, budget: number): Window[] {
  const windowOf = (first: number, end: number): Window => ({
    sourceStart: sourceStarts[paragraphs[first]!.sourceStart]!,
    sourceEnd: sourceStarts[paragraphs[end - 1]!.sourceEnd]!,
    targetStart: targetStarts[paragraphs[first]!.targetStart]!,
    targetEnd: targetStarts[paragraphs[end - 1]!.targetEnd]!,
    score: paragraphs.slice(first, end).reduce((lowest, bead) => Math.min(lowest, bead.score), 1),
  });
  const cellsOf = (first: number, end: number) =>
    firstBandCells(
      sourceStarts[paragraphs[end - 1]!.sourceEnd]! - sourceStarts[paragraphs[first]!.sourceStart]!,
      targetStarts[paragraphs[end - 1]!.targetEnd]! - targetStarts[paragraphs[first]!.targetStart]!,
      options,
    );
  const windows: Window[] = [];
  let first = 0;
  for (let end = 1; end <= paragraphs.length; end++) {
    if (end - first < 2 || cellsOf(first, end) <= budget) continue;
    // The window [first, end) is too large: cut it at its most confident inner boundary.
    let cut = first + 1;
    let best = -1;
    for (let k = first + 1; k < end; k++) {
      const confidence = Math.min(paragraphs[k - 1]!.score, paragraphs[k]!.score);
      if (confidence >= best) {
        best = confidence;
        cut = k;
      }
    }
    windows.push(windowOf(first, cut));
    first = cut;
  }
  if (first < paragraphs.length) windows.push(windowOf(first, paragraphs.length));
  return windows;
}

/** Index of each paragraph's first sentence in the flattened list, plus the total at the end. */
function paragraphStarts(paragraphs: readonly (readonly string[])[]): number[] {
  const starts = [0];
  for (const paragraph of paragraphs) starts.push(starts[starts.length - 1]! + paragraph.length);
  return starts;
}

/** 1 at every sentence boundary 0..count where a paragraph starts (or the text ends). */
function breaksAt(starts: readonly number[], count: number): Uint8Array {
  const breaks = new Uint8Array(count + 1);
  for (const start of starts) breaks[start] = 1;
  return breaks;
}

function countChars(sentences: readonly string[]): number {
  let total = 0;
  for (const sentence of sentences) total += sentence.replace(/\s+/g, '').length;
  return total;
}

function range(start: number, end: number): number[] {
  const out: number[] = [];
  for (let k = start; k < end; k++) out.push(k);
  return out;
}
