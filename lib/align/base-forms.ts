import { seedKey } from './core/seed-lexicon';

/**
 * Base forms of inflected words whose first letters differ from the dictionary's headword, so
 * that the seed lexicon's five-letter keys (docs/alignment.md, section 8) miss them: the commonest
 * forms of the auxiliaries (German `war`, `hatte`, `wurde` → `sein`, `haben`, `werden`; French
 * `était`, `fut`, `avait` → `être`, `avoir`).
 *
 * Returns, for a language with such forms, a function giving the keys of a word's base forms that
 * the dictionary holds (`hasKey`), without the word's own key.
 */
export function baseKeyFinder(language: string, keyLength: number, hasKey: (key: string) => boolean): ((word: string) => readonly string[]) | undefined {
  const table = BASE_FORMS[language];
  if (!table) return undefined;
  return (word) => {
    const bases = table.get(word);
    if (!bases) return NONE;
    const own = seedKey(word, keyLength);
    const keys: string[] = [];
    for (const base of bases) {
      const key = seedKey(base, keyLength);
      if (key !== own && !keys.includes(key) && hasKey(key)) keys.push(key);
    }
    return keys;
  };
}

const NONE: readonly string[] = [];

/** Infinitive, then its forms, as the tokeniser writes them (no diacritics, `ß` as `ss`). */
const AUXILIARIES: Record<string, string> = {
  deu: 'sein ist sind war waren gewesen|haben hat hatte hatten gehabt|werden wird wurde wurden geworden',
  fra: 'etre est sont etait etaient fut furent ete|avoir ont avait avaient eut eurent eu',
};

const BASE_FORMS: Record<string, Map<string, readonly string[]>> = Object.fromEntries(
  Object.entries(AUXILIARIES).map(([language, spec]) => {
    const table = new Map<string, readonly string[]>();
    for (const entry of spec.split('|')) {
      const [base, ...forms] = entry.split(' ');
      for (const form of forms) table.set(form, [base!]);
    }
    return [language, table];
  }),
);
