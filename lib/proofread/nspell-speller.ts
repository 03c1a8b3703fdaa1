import type { Speller } from './speller';

/** What the speller needs of an nspell instance. */
export interface NspellLike {
  correct(word: string): boolean;
}

/**
 * A {@link Speller} on the nspell instances of one language's dictionaries (English: American and
 * British, so `organisation` and `organization` are both words). A word is known when one of
 * them knows it, or knows it without the accents of its Latin letters (`fêted`, `confrères`,
 * which the dictionaries leave out). Pure apart from nspell's own caches.
 */
export function nspellSpeller(spells: readonly NspellLike[]): Speller {
  const knows = (word: string) => spells.some((spell) => spell.correct(word));
  return {
    isKnown(word) {
      if (knows(word)) return true;
      const plain = withoutLatinAccents(word);
      return plain !== word && knows(plain);
    },
  };
}

/** The word with the accents of its Latin letters removed (`fêtes` → `fetes`); Cyrillic `й` and `ё` stay. */
function withoutLatinAccents(word: string): string {
  return word.normalize('NFD').replace(/(?<=\p{Script=Latin})\p{M}+/gu, '').normalize('NFC');
}
