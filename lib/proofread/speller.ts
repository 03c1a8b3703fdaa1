/**
 * What the checks ask of a language's dictionary. A Hunspell dictionary read by nspell answers in
 * the server's proofreading worker (`worker/load-speller.ts`); a language without one has none,
 * and only the shape checks and the text's own vocabulary apply.
 */
export interface Speller {
  /** Whether the dictionary knows the word as written (nspell also accepts the capitalised and all-capital forms of a known word). */
  isKnown(word: string): boolean;
}

/** The languages a dictionary is installed for (`dictionary-en`, `dictionary-ru`). */
export const SPELLER_LANGUAGES = ['en', 'ru'] as const;
export type SpellerLanguage = (typeof SPELLER_LANGUAGES)[number];

/** The dictionary language of a language tag (`en-GB` → `en`), or null when none is installed. */
export function spellerLanguageOf(language: string): SpellerLanguage | null {
  const primary = language.toLowerCase().split('-')[0];
  return SPELLER_LANGUAGES.find((tag) => tag === primary) ?? null;
}
