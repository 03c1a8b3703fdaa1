import 'server-only';

import { loadSpeller } from './load-speller';
import { findSuspects, type ProofreadText, type Suspect } from '../find-suspects';
import { spellerLanguageOf, type Speller, type SpellerLanguage } from '../speller';

/** What the proofreading worker is asked: the texts of a work (and its volume) in one language. */
export interface ProofreadJob {
  language: string;
  texts: ProofreadText[];
}

/** What it answers. */
export interface ProofreadJobResult {
  suspects: Suspect[];
  /** Whether a dictionary of the language was used (else only shapes and the vocabulary). */
  hasDictionary: boolean;
}

// One speller per language and thread, built on first use and kept: building the Russian one
// takes seconds, checking a word with it microseconds.
const spellers = new Map<SpellerLanguage, Promise<Speller>>();

/** Runs one job: the suspects of its checked texts, with the language's dictionary when there is one. */
export async function doProofreadJob(job: ProofreadJob): Promise<ProofreadJobResult> {
  const language = spellerLanguageOf(job.language);
  let speller: Speller | null = null;
  if (language) {
    let loading = spellers.get(language);
    if (!loading) spellers.set(language, (loading = loadSpeller(language)));
    speller = await loading;
  }
  return { suspects: findSuspects({ texts: job.texts, speller }), hasDictionary: speller !== null };
}
