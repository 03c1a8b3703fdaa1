/**
 * Scores an alignment made from raw text against a sentence-level gold standard by character
 * spans, and a splitter's sentence boundaries against the gold's lines. Positions are counted over
 * the uploaded text's non-whitespace characters (raw-import.ts), so that whitespace never decides a
 * match. The measures are defined in docs/alignment.md ("Measured from raw text").
 */
import type { Span } from './raw-import';
import type { AlignmentCounts, ScoredBead } from '../../lib/align/core';


/** A row or a gold bead as two spans; null for an empty side. */
export interface SpanPair {
  source: Span | null;
  target: Span | null;
}

/**
 * The spans a gold bead covers: from its first sentence's start to its last sentence's end, null
 * for an empty side. A side whose sentences are not consecutive has no single span: such a bead can
 * never be matched exactly (`undefined`).
 */
function sideSpan(indices: readonly number[], lines: readonly Span[]): Span | null | undefined {
  if (indices.length === 0) return null;
  for (let k = 1; k < indices.length; k++) if (indices[k] !== (indices[k - 1] ?? 0) + 1) return undefined;
  const first = lines[indices[0] ?? 0];
  const last = lines[indices[indices.length - 1] ?? 0];
  if (!first || !last) throw new Error(`Gold bead refers to sentence ${indices.join(', ')}, beyond the text`);
  // A bead of blank lines covers nothing.
  return first.start === last.end ? null : { start: first.start, end: last.end };
}

function spanKey(span: Span | null): string {
  return span ? `${span.start}-${span.end}` : '∅';
}

function pairKey(pair: SpanPair): string {
  return `${spanKey(pair.source)}:${spanKey(pair.target)}`;
}

/** For each character position of a side, the gold bead whose sentences cover it (-1: none). */
function beadOfPosition(gold: readonly ScoredBead[], lines: readonly Span[], length: number, side: 'source' | 'target'): Int32Array {
  const owner = new Int32Array(length).fill(-1);
  gold.forEach((bead, index) => {
    for (const line of bead[side]) {
      const span = lines[line];
      if (span) owner.fill(index, span.start, span.end);
    }
  });
  return owner;
}

function sideLength(lines: readonly Span[]): number {
  return lines.length > 0 ? (lines[lines.length - 1]?.end ?? 0) : 0;
}

/** The gold beads that own a character of `span` (at most a few: spans follow the text). */
function beadsIn(span: Span | null, owner: Int32Array): Set<number> {
  const beads = new Set<number>();
  if (!span) return beads;
  for (let k = span.start; k < span.end; k++) {
    const bead = owner[k] ?? -1;
    if (bead >= 0) beads.add(bead);
  }
  return beads;
}

/**
 * Strict and lax hits of aligned rows against gold beads, with the definitions of the Text+Berg
 * scorer (score-alignment.ts) carried over from sentence indices to character spans:
 * - a row is a strict hit when some gold bead covers exactly its characters on both sides (an
 *   empty side matches an empty side); a lax hit when it is a strict hit or shares at least one
 *   source and one target character with one gold bead;
 * - precision is over all rows; recall over the gold beads with both sides non-empty, each found
 *   strictly by a row covering exactly its characters, laxly by a row sharing a character on each side.
 */
export function countSpanHits({ rows, gold, sourceLines, targetLines }: { rows: readonly SpanPair[]; gold: readonly ScoredBead[]; sourceLines: readonly Span[]; targetLines: readonly Span[] }): AlignmentCounts {
  const goldPairs = gold.map((bead) => ({ source: sideSpan(bead.source, sourceLines), target: sideSpan(bead.target, targetLines) }));
  const goldKeys = new Set(goldPairs.flatMap((pair) => (pair.source === undefined || pair.target === undefined || (!pair.source && !pair.target) ? [] : [pairKey(pair as SpanPair)])));
  const sourceOwner = beadOfPosition(gold, sourceLines, sideLength(sourceLines), 'source');
  const targetOwner = beadOfPosition(gold, targetLines, sideLength(targetLines), 'target');
  const isTwoSidedGold = gold.map((bead) => bead.source.length > 0 && bead.target.length > 0 && beadsCover(bead));

  function beadsCover(bead: ScoredBead): boolean {
    // A bead whose lines are all blank covers no character on that side.
    const covers = (indices: readonly number[], lines: readonly Span[]): boolean => indices.some((i) => (lines[i]?.end ?? 0) > (lines[i]?.start ?? 0));
    return covers(bead.source, sourceLines) && covers(bead.target, targetLines);
  }

  const rowKeys = new Set<string>();
  const laxFound = new Set<number>();
  let system = 0;
  let strictPrecisionHits = 0;
  let laxPrecisionHits = 0;
  for (const row of rows) {
    if (!row.source && !row.target) continue;
    system++;
    const key = pairKey(row);
    rowKeys.add(key);
    const isStrict = goldKeys.has(key);
    const sourceBeads = beadsIn(row.source, sourceOwner);
    const shared = [...beadsIn(row.target, targetOwner)].filter((bead) => sourceBeads.has(bead) && isTwoSidedGold[bead]);
    for (const bead of shared) laxFound.add(bead);
    if (isStrict) strictPrecisionHits++;
    if (isStrict || shared.length > 0) laxPrecisionHits++;
  }
  let goldCount = 0;
  let strictRecallHits = 0;
  goldPairs.forEach((pair, index) => {
    if (!isTwoSidedGold[index]) return;
    goldCount++;
    if (pair.source && pair.target && rowKeys.has(pairKey(pair as SpanPair))) strictRecallHits++;
  });
  return { system, gold: goldCount, strictPrecisionHits, laxPrecisionHits, strictRecallHits, laxRecallHits: laxFound.size };
}

/**
 * Rows seen at the gold's granularity: consecutive rows that all lie inside one gold bead (every
 * character of both sides owned by that bead) are merged into one. The gold cannot say whether a
 * bead it keeps whole (a Russian paragraph of dialogue against three English sentences) was rightly
 * cut into finer rows, so this neither rewards nor punishes such cuts; a row that crosses a gold
 * boundary stays as it is.
 */
export function mergeRowsWithinGoldBeads({ rows, gold, sourceLines, targetLines }: { rows: readonly SpanPair[]; gold: readonly ScoredBead[]; sourceLines: readonly Span[]; targetLines: readonly Span[] }): SpanPair[] {
  const sourceOwner = beadOfPosition(gold, sourceLines, sideLength(sourceLines), 'source');
  const targetOwner = beadOfPosition(gold, targetLines, sideLength(targetLines), 'target');
  const insideOf = (row: SpanPair): number => {
    const beads = new Set([...beadsIn(row.source, sourceOwner), ...beadsIn(row.target, targetOwner)]);
    const only = beads.size === 1 ? [...beads][0] : undefined;
    if (only === undefined) return -1;
    const isOwned = (span: Span | null, owner: Int32Array): boolean => {
      if (!span) return true;
      for (let k = span.start; k < span.end; k++) if (owner[k] !== only && owner[k] !== -1) return false;
      return true;
    };
    return isOwned(row.source, sourceOwner) && isOwned(row.target, targetOwner) ? only : -1;
  };
  const merged: SpanPair[] = [];
  let previousBead = -1;
  for (const row of rows) {
    const bead = insideOf(row);
    const last = merged[merged.length - 1];
    if (bead >= 0 && bead === previousBead && last) {
      last.source = union(last.source, row.source);
      last.target = union(last.target, row.target);
    } else {
      merged.push({ source: row.source, target: row.target });
    }
    previousBead = bead;
  }
  return merged;
}

function union(a: Span | null, b: Span | null): Span | null {
  if (!a) return b;
  if (!b) return a;
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** Boundary counts of a splitter on one side. */
export interface BoundaryCounts {
  /** Boundaries the splitter made, paragraph breaks of the file left out. */
  predicted: number;
  /** Gold sentence boundaries, paragraph breaks of the file left out. */
  gold: number;
  /** Predicted boundaries that are gold boundaries. */
  correct: number;
  /** Predicted boundaries strictly inside this side of a 1–1 gold bead: certainly wrong. */
  insideOneToOne: number;
  /** Gold 1–1 beads with text on this side. */
  oneToOne: number;
  /** Of those, the ones the splitter cut at least once. */
  oneToOneCut: number;
}

/**
 * Compares the ends of a splitter's units with the ends of the gold's sentence lines on one side.
 * Breaks the uploaded file makes by itself (blank lines) are left out of both sets. A predicted
 * boundary inside a 1–1 bead's sentence is certainly wrong; inside a longer gold unit (a Russian
 * paragraph of dialogue kept as one unit) it may be right, which is why `insideOneToOne` is kept apart.
 */
export function countBoundaries({ unitSpans, lines, paragraphBreaks, gold, side }: { unitSpans: readonly (Span | null)[]; lines: readonly Span[]; paragraphBreaks: ReadonlySet<number>; gold: readonly ScoredBead[]; side: 'source' | 'target' }): BoundaryCounts {
  const goldBoundaries = new Set<number>();
  for (let i = 0; i + 1 < lines.length; i++) {
    const end = lines[i]?.end ?? 0;
    if (end > 0 && !paragraphBreaks.has(end)) goldBoundaries.add(end);
  }
  const total = sideLength(lines);
  goldBoundaries.delete(total);
  const predicted = new Set<number>();
  const spans = unitSpans.filter((span): span is Span => span !== null);
  for (let k = 0; k + 1 < spans.length; k++) {
    const end = spans[k]?.end ?? 0;
    if (end > 0 && end < total && !paragraphBreaks.has(end)) predicted.add(end);
  }
  const other = side === 'source' ? 'target' : 'source';
  const oneToOne = gold.filter((bead) => bead[side].length === 1 && bead[other].length === 1).map((bead) => lines[bead[side][0] ?? -1]).filter((span): span is Span => span !== undefined && span.end > span.start);
  const sorted = [...predicted].sort((a, b) => a - b);
  let insideOneToOne = 0;
  let oneToOneCut = 0;
  for (const span of oneToOne) {
    const inside = countBetween(sorted, span.start + 1, span.end);
    insideOneToOne += inside;
    if (inside > 0) oneToOneCut++;
  }
  let correct = 0;
  for (const boundary of predicted) if (goldBoundaries.has(boundary)) correct++;
  return { predicted: predicted.size, gold: goldBoundaries.size, correct, insideOneToOne, oneToOne: oneToOne.length, oneToOneCut };
}

/** How many of the ascending `sorted` lie in `[from, to)`. */
function countBetween(sorted: readonly number[], from: number, to: number): number {
  return lowerBound(sorted, to) - lowerBound(sorted, from);
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Precision, recall and F1 of boundaries; precision on 1–1 beads counts only boundaries the gold can judge. */
export function boundaryScores(counts: BoundaryCounts): { precision: number; recall: number; f1: number; precisionOneToOne: number } {
  const precision = counts.predicted > 0 ? counts.correct / counts.predicted : 0;
  const recall = counts.gold > 0 ? counts.correct / counts.gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const judged = counts.correct + counts.insideOneToOne;
  return { precision, recall, f1, precisionOneToOne: judged > 0 ? counts.correct / judged : 0 };
}
