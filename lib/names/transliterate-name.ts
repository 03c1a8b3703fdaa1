import { ALA_LC, ALA_LC_ALT, BGN_PCGN, BGN_PCGN_ALT, GOST_779, WIKIPEDIA, translate, type Schema } from 'iuliia';

import { titleCaseCapitals } from './name-words';

/**
 * The transliteration systems whose Latin forms of a Russian name are kept as its variants
 * (docs/names.md, "Transliteration"), by the name stored in `name_form.systems`.
 */
export const TRANSLITERATION_SYSTEMS = {
  /** Library of Congress (ALA-LC), with its diacritics and tie bars: `Zinovʹev`. */
  ALA_LC,
  /** ALA-LC in ASCII: `Zinov'ev`. */
  ALA_LC_ALT,
  /** BGN/PCGN (1947): `Zinov’yev`. */
  BGN_PCGN,
  /** BGN/PCGN, simplified. */
  BGN_PCGN_ALT,
  /** GOST 7.79 system A, which is ISO 9:1995: `Zinovʹev`, `Dzeržinskij`. */
  GOST_779,
  /** The English Wikipedia's practice: `Zinovyev`, `Dzerzhinsky`. */
  WIKIPEDIA,
} as const satisfies Record<string, Schema>;

export type TransliterationSystem = keyof typeof TRANSLITERATION_SYSTEMS;

/** A Latin form and the systems that give it. */
export interface Transliteration {
  text: string;
  systems: TransliterationSystem[];
}

/** Whether forms of a language are transliterated (Russian, by its primary subtag). */
export function isTransliterated(language: string | null): boolean {
  return language !== null && language.toLowerCase().split('-')[0] === 'ru';
}

/**
 * The Latin forms of a Russian name under every system of {@link TRANSLITERATION_SYSTEMS}, one
 * per distinct spelling with the systems that give it, in the table's order. A name written in
 * capitals is title-cased first (`ЗИНОВЬЕВ` → `Зиновьев`): the systems read capitals as the
 * start of a word. White space is collapsed. Pure.
 */
export function transliterateName(text: string): Transliteration[] {
  const source = titleCaseCapitals(text.trim().replace(/\s+/gu, ' '));
  if (!/\p{Script=Cyrillic}/u.test(source)) return [];
  const byText = new Map<string, Transliteration>();
  for (const [system, schema] of Object.entries(TRANSLITERATION_SYSTEMS) as [TransliterationSystem, Schema][]) {
    const latin = translate(source, schema).normalize('NFC');
    const entry = byText.get(latin);
    if (entry) entry.systems.push(system);
    else byText.set(latin, { text: latin, systems: [system] });
  }
  return [...byText.values()];
}
