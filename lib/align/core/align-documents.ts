import { alignPreparedSides, type AlignmentStats } from './align-sentences';
import { estimateLengthRatio } from './align-units';
import { buildAlignmentSide } from './alignment-side';
import { resolveAlignOptions, type AlignOptions, type Bead } from './types';

/**
 * Paragraph-aware alignment. Paragraphs are aligned first, as units (their summed length and
 * their pooled tokens, with the same DP, anchors and learned associations); then the sentences
 * of each aligned paragraph group are aligned within it. A paragraph left without a partner
 * yields one 1–0 or 0–1 bead per sentence.
 *
 * Returns beads over the flattened sentence indices (paragraph 0's sentences first), with the
 * same invariants as {@link alignSentences}: every sentence in exactly one bead, monotone,
 * contiguous, scores in [0, 1]. A bead's score is capped by its paragraph group's score.
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
  // One length ratio for the whole document: paragraph groups are too short to estimate it.
  const ratio = estimateLengthRatio(countChars(sourceSentences), countChars(targetSentences));

  // With at most one paragraph on a side there is nothing to align at paragraph level.
  const paragraphs =
    source.length <= 1 || target.length <= 1
      ? [{ sourceStart: 0, sourceEnd: source.length, targetStart: 0, targetEnd: target.length, score: 1 }]
      : alignPreparedSides(buildAlignmentSide(source), buildAlignmentSide(target), resolved, undefined, ratio).beads;

  const beads: Bead[] = [];
  let cells = 0;
  for (const group of paragraphs) {
    const sFrom = sourceStarts[group.sourceStart]!;
    const sTo = sourceStarts[group.sourceEnd]!;
    const tFrom = targetStarts[group.targetStart]!;
    const tTo = targetStarts[group.targetEnd]!;
    if (sTo === sFrom || tTo === tFrom) {
      for (let i = sFrom; i < sTo; i++) beads.push({ source: [i], target: [], score: group.score });
      for (let j = tFrom; j < tTo; j++) beads.push({ source: [], target: [j], score: group.score });
      continue;
    }
    const groupStats: AlignmentStats = { cells: 0, passes: 0 };
    const inner = alignPreparedSides(
      buildAlignmentSide(sourceSentences.slice(sFrom, sTo).map((sentence) => [sentence])),
      buildAlignmentSide(targetSentences.slice(tFrom, tTo).map((sentence) => [sentence])),
      resolved,
      groupStats,
      ratio,
    );
    cells = Math.max(cells, groupStats.cells);
    for (const bead of inner.beads) {
      beads.push({
        source: range(sFrom + bead.sourceStart, sFrom + bead.sourceEnd),
        target: range(tFrom + bead.targetStart, tFrom + bead.targetEnd),
        score: Math.min(bead.score, Math.max(group.score, 0.5)),
      });
    }
  }
  if (stats) {
    stats.cells = cells;
    stats.passes = resolved.iterations + 1;
  }
  return beads;
}

/** Index of each paragraph's first sentence in the flattened list, plus the total at the end. */
function paragraphStarts(paragraphs: readonly (readonly string[])[]): number[] {
  const starts = [0];
  for (const paragraph of paragraphs) starts.push(starts[starts.length - 1]! + paragraph.length);
  return starts;
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
