import { americanSpellings } from './british-spelling';
import type { Speller, SpellerLanguage } from './speller';

/** What the speller needs of an nspell instance. */
export interface NspellLike {
  correct(word: string): boolean;
}

/**
 * A {@link Speller} on an nspell instance for `language`. Beyond the dictionary's own answer, a
 * word is known when it is a dictionary word written with accents the dictionary leaves out
 * (`fêted`, `confrères`) and, in English, when one of its American spellings is (see
 * `british-spelling.ts`). Pure apart from nspell's own caches.
 */
export function nspellSpeller(spell: NspellLike, language: SpellerLanguage): Speller {
  return {
    isKnown(word) {
      if (spell.correct(word)) return true;
      const plain = withoutLatinAccents(word);
      if (plain !== word && spell.correct(plain)) return true;
      return language === 'en' && americanSpellings(plain).some((spelling) => spell.correct(spelling));
    },
  };
}

/** The word with the accents of its Latin letters removed (`fêtes` → `fetes`); Cyrillic `й` and `ё` stay. */
function withoutLatinAccents(word: string): string {
  return word.normalize('NFD').replace(/(?<=\p{Script=Latin})\p{M}+/gu, '').normalize('NFC');
}
