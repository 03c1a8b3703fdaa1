/**
 * Strict and lax precision/recall/F1 of a sentence alignment against a gold standard, exactly as
 * defined in `../shared/align-eval/README.md` (a port of Vecalign's `score.py`, itself a port of
 * Bleualign's evaluation). Counts are returned raw so several documents can be micro-averaged.
 */

/** A bead as the scorer sees it: source and target index lists (either may be empty). */
export interface ScoredBead {
  source: readonly number[];
  target: readonly number[];
}

/** Raw hit counts for one document (or summed over several). */
export interface AlignmentCounts {
  /** System beads (non-empty, deduplicated): the precision denominator. */
  system: number;
  /** Gold beads with both sides non-empty: the recall denominator. */
  gold: number;
  strictPrecisionHits: number;
  laxPrecisionHits: number;
  strictRecallHits: number;
  laxRecallHits: number;
}

/** Precision, recall and F1, strict and lax. */
export interface AlignmentScores {
  strict: { precision: number; recall: number; f1: number };
  lax: { precision: number; recall: number; f1: number };
}

function beadKey(bead: ScoredBead): string {
  return `${JSON.stringify(bead.source)}:${JSON.stringify(bead.target)}`;
}

function dedupe(beads: readonly ScoredBead[]): ScoredBead[] {
  const seen = new Map<string, ScoredBead>();
  for (const bead of beads) if (bead.source.length + bead.target.length > 0) seen.set(beadKey(bead), bead);
  return [...seen.values()];
}

function isTwoSided(bead: ScoredBead): boolean {
  return bead.source.length > 0 && bead.target.length > 0;
}

/** Counts strict and lax hits of one document's system beads against its gold beads. */
export function countAlignmentHits(system: readonly ScoredBead[], gold: readonly ScoredBead[]): AlignmentCounts {
  const systemBeads = dedupe(system);
  const goldBeads = dedupe(gold);
  const goldKeys = new Set(goldBeads.map(beadKey));
  const systemKeys = new Set(systemBeads.map(beadKey));
  const goldTwoSided = goldBeads.filter(isTwoSided);
  const systemTwoSided = systemBeads.filter(isTwoSided);

  // Lax overlap only ever involves two-sided beads: it needs a shared source AND target sentence.
  const overlaps = (bead: ScoredBead, others: readonly ScoredBead[]): boolean => {
    const source = new Set(bead.source);
    const target = new Set(bead.target);
    return others.some((other) => other.source.some((i) => source.has(i)) && other.target.some((j) => target.has(j)));
  };

  let strictPrecisionHits = 0;
  let laxPrecisionHits = 0;
  for (const bead of systemBeads) {
    const isStrict = goldKeys.has(beadKey(bead));
    if (isStrict) strictPrecisionHits++;
    if (isStrict || (isTwoSided(bead) && overlaps(bead, goldTwoSided))) laxPrecisionHits++;
  }
  let strictRecallHits = 0;
  let laxRecallHits = 0;
  for (const bead of goldTwoSided) {
    const isStrict = systemKeys.has(beadKey(bead));
    if (isStrict) strictRecallHits++;
    if (isStrict || overlaps(bead, systemTwoSided)) laxRecallHits++;
  }
  return { system: systemBeads.length, gold: goldTwoSided.length, strictPrecisionHits, laxPrecisionHits, strictRecallHits, laxRecallHits };
}

/** Sums counts over documents (micro-average, as the published figures do). */
export function sumAlignmentCounts(counts: readonly AlignmentCounts[]): AlignmentCounts {
  const total: AlignmentCounts = { system: 0, gold: 0, strictPrecisionHits: 0, laxPrecisionHits: 0, strictRecallHits: 0, laxRecallHits: 0 };
  for (const c of counts) {
    total.system += c.system;
    total.gold += c.gold;
    total.strictPrecisionHits += c.strictPrecisionHits;
    total.laxPrecisionHits += c.laxPrecisionHits;
    total.strictRecallHits += c.strictRecallHits;
    total.laxRecallHits += c.laxRecallHits;
  }
  return total;
}

function prf(hitsP: number, system: number, hitsR: number, gold: number): { precision: number; recall: number; f1: number } {
  const precision = system > 0 ? hitsP / system : 0;
  const recall = gold > 0 ? hitsR / gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Turns hit counts into strict and lax precision, recall and F1 = 2PR / (P + R). */
export function scoreFromCounts(counts: AlignmentCounts): AlignmentScores {
  return {
    strict: prf(counts.strictPrecisionHits, counts.system, counts.strictRecallHits, counts.gold),
    lax: prf(counts.laxPrecisionHits, counts.system, counts.laxRecallHits, counts.gold),
  };
}

/** Scores one document's system beads against its gold beads. */
export function scoreAlignment(system: readonly ScoredBead[], gold: readonly ScoredBead[]): AlignmentScores {
  return scoreFromCounts(countAlignmentHits(system, gold));
}

/**
 * Parses gold (or system) beads written one per line as `[0, 1]:[2]`; blank lines are skipped.
 * Throws an Error naming the line when a line is malformed.
 */
export function parseBeads(text: string): ScoredBead[] {
  const beads: ScoredBead[] = [];
  text.split('\n').forEach((raw, lineIndex) => {
    const line = raw.trim();
    if (!line) return;
    const colon = line.indexOf(']:[');
    if (colon < 0) throw new Error(`Bad bead on line ${lineIndex + 1}: ${line}`);
    const source: unknown = JSON.parse(line.slice(0, colon + 1));
    const target: unknown = JSON.parse(line.slice(colon + 2));
    if (!isIndexList(source) || !isIndexList(target)) throw new Error(`Bad bead on line ${lineIndex + 1}: ${line}`);
    beads.push({ source, target });
  });
  return beads;
}

function isIndexList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => Number.isInteger(item) && (item as number) >= 0);
}

/** Writes beads in the gold notation, one per line. */
export function formatBeads(beads: readonly ScoredBead[]): string {
  return beads.map((bead) => `[${bead.source.join(', ')}]:[${bead.target.join(', ')}]`).join('\n');
}
