import { lengthCost } from './core/align-units';
import { buildAlignmentSide, type AlignmentSide } from './core/alignment-side';
import { findAnchorLinks } from './core/association-lexicon';
import { resolveAlignOptions } from './core/types';
import { splitPoints } from './split-points';
import { MAX_SPLIT_SUGGESTION_CANDIDATES, MAX_SPLIT_SUGGESTION_ROWS } from '../config/limits';

/** Where a translation that covers several source rows is best divided among them. */
export interface SplitSuggestion {
  /** One cut per source row after the first, ascending offsets into the text (see `splitPoints`). */
  offsets: number[];
  /** Whether the cuts are sentence boundaries (otherwise some fall between words of one sentence). */
  isBySentence: boolean;
}


/**
 * Extra cost of a cut between two words of one sentence, so that a cut after a clause's
 * punctuation (a comma, a colon, a dash) wins when the lengths hardly differ. In the units of
 * the length cost, −ln of a probability: a cut inside a clause is taken to be e⁻² as likely.
 */
const WORD_CUT_COST = 2;
const CLAUSE_CUT_COST = 1;
const CLAUSE_END = /[,;:—–―-]$|[,;:][\p{Pe}\p{Pf}"']*$/u;

/**
 * Suggests where to divide `text`, the one translation of the consecutive source rows `sources`,
 * so that each row gets its own part: among the sentence boundaries of `text` (word boundaries
 * when it has too few sentences). Each division is priced as the aligner prices a 1–1 bead:
 * the Gale–Church length cost of each row against its part (at the ratio of the group's own
 * lengths) minus the aligner's lexical bonus for the anchors they share (numbers, names,
 * question and quotation marks, cognates), weighted as in the aligner; the cheapest division
 * wins (dynamic programming over the candidates). Returns null when there is nothing to divide
 * (fewer than two rows, or fewer candidates than cuts needed) or the group is too large to weigh.
 * Pure, no database: runs in the browser on the rows the editor shows.
 */
export function suggestSplit({ sources, text, language }: { sources: readonly string[]; text: string; language: string }): SplitSuggestion | null {
  const cuts = sources.length - 1;
  if (cuts < 1 || sources.length > MAX_SPLIT_SUGGESTION_ROWS) return null;
  const points = splitPoints(text, language);
  const sentenceEnds = points.filter((point) => point.isSentenceEnd);
  const isBySentence = sentenceEnds.length >= cuts;
  const candidates = isBySentence ? sentenceEnds : points;
  if (candidates.length < cuts || candidates.length > MAX_SPLIT_SUGGESTION_CANDIDATES) return null;

  // The text in pieces between consecutive candidates; a row's part is a run of pieces.
  const bounds = [0, ...candidates.map((point) => point.offset), text.length];
  const pieces = bounds.slice(1).map((end, k) => text.slice(bounds[k], end));
  const sourceSide = buildAlignmentSide(sources.map((source) => [source]));
  const pieceSide = buildAlignmentSide(pieces.map((piece) => [piece]));
  const sourceTotal = sourceSide.lengths.reduce((sum, length) => sum + length, 0);
  const targetTotal = pieceSide.lengths.reduce((sum, length) => sum + length, 0);
  if (sourceTotal === 0 || targetTotal === 0) return null;
  const inverseRatio = sourceTotal / targetTotal;
  const pieceStart = new Float64Array(pieces.length + 1);
  pieces.forEach((_, k) => (pieceStart[k + 1] = pieceStart[k]! + pieceSide.lengths[k]!));
  const pairCosts = lexicalPairCosts(sourceSide, pieceSide, resolveAlignOptions(undefined).lexicalWeight / 2);
  // A cut's own cost, once per candidate (the DP below reads it for every row); a clause ends within a few characters.
  const cutCosts = candidates.map((point) => (isBySentence || point.isSentenceEnd ? 0 : CLAUSE_END.test(text.slice(Math.max(0, point.offset - 16), point.offset)) ? CLAUSE_CUT_COST : WORD_CUT_COST));

  // best[r][j]: cheapest division of pieces [0, j) among the first r rows; from[r][j] the start of row r − 1's part.
  const m = pieces.length;
  const best = Array.from({ length: sources.length + 1 }, () => new Float64Array(m + 1).fill(Infinity));
  const from = Array.from({ length: sources.length + 1 }, () => new Int32Array(m + 1).fill(-1));
  best[0]![0] = 0;
  for (let r = 0; r < sources.length; r += 1) {
    for (let j = r; j < m; j += 1) {
      const start = best[r]![j]!;
      if (start === Infinity) continue;
      const entry = j === 0 ? 0 : cutCosts[j - 1]!;
      const bonus = pairCosts(r, j);
      // The last row takes every remaining piece; the others leave at least one for each later row.
      const lastEnd = r === sources.length - 1 ? m : m - (sources.length - 1 - r);
      for (let end = r === sources.length - 1 ? m : j + 1; end <= lastEnd; end += 1) {
        const cost = start + entry + lengthCost(sourceSide.lengths[r]!, pieceStart[end]! - pieceStart[j]!, inverseRatio) - bonus(end);
        if (cost < best[r + 1]![end]!) {
          best[r + 1]![end] = cost;
          from[r + 1]![end] = j;
        }
      }
    }
  }
  if (best[sources.length]![m] === Infinity) return null;
  const offsets: number[] = [];
  for (let r = sources.length, end = m; r > 1; r -= 1) {
    const start = from[r]![end]!;
    offsets.unshift(candidates[start - 1]!.offset);
    end = start;
  }
  return { offsets, isBySentence };
}

/**
 * The aligner's lexical bonus for row `r` against the pieces [j, end): half the weight times the
 * share of the row's tokens the part explains plus the share of the part's tokens the row
 * explains, from the anchor links the aligner starts from. Returned as `(r, j) → (end) → bonus`
 * for ascending `end`, so the pieces of one part are added one by one. The links between each
 * row and each piece are gathered once: anchors are sparse, so a sweep costs little more than
 * the pieces it crosses.
 */
function lexicalPairCosts(source: AlignmentSide, target: AlignmentSide, half: number): (r: number, j: number) => (end: number) => number {
  const targetSize = target.vocabulary.length;
  const byTarget: [number, number][][] = target.vocabulary.map(() => []);
  for (const [key, weight] of findAnchorLinks(source, target)) {
    const s = Math.floor(key / targetSize);
    byTarget[key - s * targetSize]!.push([s, weight]);
  }
  // Position of each source type among its row's tokens.
  const slot = source.tokens.map((tokens) => new Map(Array.from(tokens, (type, k) => [type, k] as const)));
  // links[r][p]: (slot, weight) of every link from row r into piece p; explained[r][p]: Σ over p's
  // tokens of their strongest link into row r.
  const links = source.tokens.map(() => target.tokens.map((): [number, number][] => []));
  const explained = source.tokens.map(() => new Float64Array(target.count));
  target.tokens.forEach((types, p) => {
    for (const t of types) {
      const strongest = new Map<number, number>();
      for (const [s, weight] of byTarget[t]!) {
        for (const r of source.postings[s]!) {
          links[r]![p]!.push([slot[r]!.get(s)!, weight]);
          strongest.set(r, Math.max(strongest.get(r) ?? 0, weight));
        }
      }
      for (const [r, weight] of strongest) explained[r]![p]! += weight;
    }
  });
  return (r, j) => {
    const rowTokens = source.tokens[r]!.length;
    const covered = new Float64Array(rowTokens);
    let sourceCovered = 0;
    let targetCovered = 0;
    let targetCount = 0;
    let next = j;
    return (end) => {
      for (; next < end; next += 1) {
        for (const [k, weight] of links[r]![next]!) {
          if (weight <= covered[k]!) continue;
          sourceCovered += weight - covered[k]!;
          covered[k] = weight;
        }
        targetCovered += explained[r]![next]!;
        targetCount += target.tokens[next]!.length;
      }
      const sourceShare = rowTokens === 0 ? 0 : sourceCovered / rowTokens;
      const targetShare = targetCount === 0 ? 0 : targetCovered / targetCount;
      return half * (sourceShare + targetShare);
    };
  };
}
