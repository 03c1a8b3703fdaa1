import type { AlignmentSide } from './alignment-side';

/** Target (or source) types linked to one type, strongest first. */
export interface LinkList {
  types: Int32Array;
  weights: Float32Array;
}

/**
 * Word associations between the two vocabularies of a text pair, in both directions.
 * A weight in (0, 1] says how strongly a source token predicts a target token.
 */
export interface AssociationLexicon {
  /** Source type id → linked target types. */
  forward: LinkList[];
  /** Target type id → linked source types. */
  backward: LinkList[];
}

/** Pair key → weight; the key is `source * targetVocabularySize + target`. */
export type LinkWeights = Map<number, number>;

/** Shortest word that may be matched by a shared prefix; shorter words only match when identical. */
const COGNATE_PREFIX = 4;

/**
 * Anchors that survive translation without any learning: identical tokens (numbers, names,
 * punctuation markers, international words) and cognates sharing a prefix of at least four
 * letters ("Sherpas" ~ "sherpa", "Nordwand" ~ "nord"). Short identical words get a lower weight
 * because across languages they are often unrelated function words ("des", "in").
 */
export function findAnchorLinks(source: AlignmentSide, target: AlignmentSide): LinkWeights {
  const links: LinkWeights = new Map();
  const targetSize = target.vocabulary.length;
  const exact = new Map<string, number>();
  const byPrefix = new Map<string, number[]>();
  target.vocabulary.forEach((word, id) => {
    exact.set(word, id);
    if (isWord(word) && word.length >= COGNATE_PREFIX) {
      const key = word.slice(0, COGNATE_PREFIX);
      const list = byPrefix.get(key);
      if (list) list.push(id);
      else byPrefix.set(key, [id]);
    }
  });
  source.vocabulary.forEach((word, s) => {
    const same = exact.get(word);
    if (same !== undefined) links.set(s * targetSize + same, !isWord(word) || word.length >= COGNATE_PREFIX ? 1 : 0.5);
    if (!isWord(word) || word.length < COGNATE_PREFIX) return;
    for (const t of byPrefix.get(word.slice(0, COGNATE_PREFIX)) ?? []) {
      if (t === same) continue;
      const other = target.vocabulary[t]!;
      const shared = commonPrefixLength(word, other);
      links.set(s * targetSize + t, 0.3 + (0.6 * shared) / Math.max(word.length, other.length));
    }
  });
  return links;
}

/** A bead as the learner sees it: unit index ranges [start, end) on both sides. */
export interface LearningBead {
  sourceStart: number;
  sourceEnd: number;
  targetStart: number;
  targetEnd: number;
}

/**
 * Learns word associations from the current alignment of the document pair itself:
 * the Dice coefficient 2·c(s,t) / (c(s) + c(t)) over bead co-occurrence counts. Pairs seen
 * together in fewer than two beads are ignored (any two hapaxes in one bead would otherwise
 * get Dice 1 and just echo the current alignment back).
 */
export function learnAssociations(source: AlignmentSide, target: AlignmentSide, beads: readonly LearningBead[], minDice: number): LinkWeights {
  const targetSize = target.vocabulary.length;
  const sourceCount = new Int32Array(source.vocabulary.length);
  const targetCount = new Int32Array(targetSize);
  const pairCount = new Map<number, number>();
  const sourceTypes = new Set<number>();
  const targetTypes = new Set<number>();
  for (const bead of beads) {
    sourceTypes.clear();
    targetTypes.clear();
    for (let i = bead.sourceStart; i < bead.sourceEnd; i++) for (const s of source.tokens[i]!) if (isWord(source.vocabulary[s]!)) sourceTypes.add(s);
    for (let j = bead.targetStart; j < bead.targetEnd; j++) for (const t of target.tokens[j]!) if (isWord(target.vocabulary[t]!)) targetTypes.add(t);
    for (const s of sourceTypes) sourceCount[s]!++;
    for (const t of targetTypes) targetCount[t]!++;
    for (const s of sourceTypes) {
      const base = s * targetSize;
      for (const t of targetTypes) pairCount.set(base + t, (pairCount.get(base + t) ?? 0) + 1);
    }
  }
  const links: LinkWeights = new Map();
  for (const [key, count] of pairCount) {
    if (count < 2) continue;
    const s = Math.floor(key / targetSize);
    const t = key - s * targetSize;
    const dice = (2 * count) / (sourceCount[s]! + targetCount[t]!);
    if (dice >= minDice) links.set(key, dice);
  }
  return links;
}

/** Merges link maps (keeping the strongest weight per pair) into per-type lists, at most `perType` links each, strongest first. */
export function buildAssociationLexicon(source: AlignmentSide, target: AlignmentSide, maps: readonly LinkWeights[], perType: number): AssociationLexicon {
  const targetSize = target.vocabulary.length;
  const merged: LinkWeights = new Map();
  for (const map of maps) for (const [key, weight] of map) if (weight > (merged.get(key) ?? 0)) merged.set(key, weight);
  const forward: [number, number][][] = source.vocabulary.map(() => []);
  const backward: [number, number][][] = target.vocabulary.map(() => []);
  for (const [key, weight] of merged) {
    const s = Math.floor(key / targetSize);
    const t = key - s * targetSize;
    forward[s]!.push([t, weight]);
    backward[t]!.push([s, weight]);
  }
  return { forward: forward.map((list) => toLinkList(list, perType)), backward: backward.map((list) => toLinkList(list, perType)) };
}

function toLinkList(list: [number, number][], perType: number): LinkList {
  list.sort((a, b) => b[1] - a[1]);
  const kept = list.slice(0, perType);
  return { types: Int32Array.from(kept, (pair) => pair[0]), weights: Float32Array.from(kept, (pair) => pair[1]) };
}

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let k = 0;
  while (k < limit && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}

/** Markers ("#q") and numbers are anchors by identity only; words may also be cognates or learned. */
function isWord(token: string): boolean {
  const code = token.charCodeAt(0);
  return code !== 35 && (code < 48 || code > 57);
}
