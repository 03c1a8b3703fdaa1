import type { AlignmentSide } from './alignment-side';
import { isWord, type LinkWeights } from './association-lexicon';

/**
 * A bilingual word list for one language pair, given to the aligner from outside
 * (lib/align/load-seed-lexicon.ts reads the FreeDict dictionaries): which source words translate
 * which target words. Words are compared as the aligner's tokens (lower case, no diacritics,
 * Cyrillic transliterated) cut to their first `keyLength` letters, so that inflected forms
 * ("Gipfeln", "sommets") meet the dictionary's base forms ("Gipfel", "sommet").
 */
export interface SeedLexicon {
  /** Letters of a word that make its key; shorter words are their own key. */
  keyLength: number;
  /** Target keys a source key translates to (from a source → target dictionary). */
  targetsOf(sourceKey: string): readonly string[];
  /** Source keys that translate a target key (from a target → source dictionary). */
  sourcesOf(targetKey: string): readonly string[];
}

/** The key of a token under `keyLength` (its first letters). */
export function seedKey(token: string, keyLength: number): string {
  return token.length > keyLength ? token.slice(0, keyLength) : token;
}

/**
 * Links of weight `weight` between every source and target word of the two texts whose keys the
 * lexicon pairs. Numbers and punctuation markers are left to the anchors.
 */
export function findSeedLinks(source: AlignmentSide, target: AlignmentSide, seed: SeedLexicon, weight: number): LinkWeights {
  const links: LinkWeights = new Map();
  const targetSize = target.vocabulary.length;
  const sourceByKey = typesByKey(source, seed.keyLength);
  const targetByKey = typesByKey(target, seed.keyLength);
  const link = (sourceKey: string, targetKey: string): void => {
    const targets = targetByKey.get(targetKey);
    if (!targets) return;
    for (const s of sourceByKey.get(sourceKey)!) for (const t of targets) links.set(s * targetSize + t, weight);
  };
  for (const key of sourceByKey.keys()) for (const other of seed.targetsOf(key)) link(key, other);
  for (const key of targetByKey.keys()) for (const other of seed.sourcesOf(key)) if (sourceByKey.has(other)) link(other, key);
  return links;
}

/** The word types of one side grouped by their key. */
function typesByKey(side: AlignmentSide, keyLength: number): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  side.vocabulary.forEach((word, id) => {
    if (!isWord(word)) return;
    const key = seedKey(word, keyLength);
    const list = byKey.get(key);
    if (list) list.push(id);
    else byKey.set(key, [id]);
  });
  return byKey;
}
