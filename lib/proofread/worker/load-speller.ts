import 'server-only';

import nspell from 'nspell';

import { nspellSpeller } from '../nspell-speller';
import type { Speller, SpellerLanguage } from '../speller';

interface Dictionary {
  aff: Uint8Array;
  dic: Uint8Array;
}

/** A language's Hunspell dictionaries (English in its American and British spellings). Imported when needed: each package reads its files when imported. */
async function dictionariesOf(language: SpellerLanguage): Promise<Dictionary[]> {
  if (language === 'ru') return [(await import('dictionary-ru')).default];
  return Promise.all([import('dictionary-en').then((module) => module.default), import('dictionary-en-gb').then((module) => module.default)]);
}

/**
 * Reads a language's Hunspell dictionaries and builds its speller: under a second for English
 * (two dictionaries) and 4 s and 300 MB for Russian, so it is done once per thread and language,
 * on first use, and only in the proofreading worker (or a command-line tool or test), never on a
 * thread serving requests.
 */
export async function loadSpeller(language: SpellerLanguage): Promise<Speller> {
  const dictionaries = await dictionariesOf(language);
  return nspellSpeller(dictionaries.map((dictionary) => nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) })));
}
