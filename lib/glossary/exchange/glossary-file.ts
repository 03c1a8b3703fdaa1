import type { PartOfSpeech, TermStatus } from '../glossary-values';

/** One term of a glossary file, read from or written to TBX or CSV. Pure. */
export interface GlossaryFileEntry {
  term: string;
  partOfSpeech: PartOfSpeech | null;
  /** Definition or note ('' when none). */
  note: string;
  example: string;
  translations: { text: string; status: TermStatus }[];
}

/** Entries of a file left out, by reason. */
export interface GlossaryFileSkips {
  /** A concept (or row) with no term in the source language. */
  noTerm: number;
  /** A term with no translation in the target language. */
  noTranslation: number;
  /** A term, translation, note or example longer than the glossary keeps. */
  tooLong: number;
  /** A term of no word (signs only), which could never be recognised. */
  noWord: number;
}

/** What reading a file gave: its entries for the pair, the skips, and the languages it holds (primary subtags, with their terms). */
export interface GlossaryFileReading {
  entries: GlossaryFileEntry[];
  skipped: GlossaryFileSkips;
  languages: Map<string, number>;
}

export function noSkips(): GlossaryFileSkips {
  return { noTerm: 0, noTranslation: 0, tooLong: 0, noWord: 0 };
}
