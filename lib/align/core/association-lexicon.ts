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
export function isWord(token: string): boolean {
  const code = token.charCodeAt(0);
  return code !== 35 && (code < 48 || code > 57);
}
