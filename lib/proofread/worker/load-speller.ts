import 'server-only';

import nspell from 'nspell';

import { nspellSpeller } from '../nspell-speller';
import type { Speller, SpellerLanguage } from '../speller';

/**
 * Reads a language's Hunspell dictionary and builds its speller: about 0.3 s for English and 4 s
 * and 300 MB for Russian, so it is done once per thread and language, on first use, and only in
 * the proofreading worker (or a command-line tool or test), never on a thread serving requests.
 */
export async function loadSpeller(language: SpellerLanguage): Promise<Speller> {
  // Imported when needed: each dictionary package reads its files when imported.
  const dictionary = language === 'en' ? (await import('dictionary-en')).default : (await import('dictionary-ru')).default;
  return nspellSpeller(nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) }), language);
}
