import type { PartOfSpeech, TermStatus } from './glossary-values';

/** A translation of a term found in a text, as the editor and the quality checks get it. */
export interface GlossaryHitTranslation {
  text: string;
  status: TermStatus;
  /** Its words' stems in the target language, in order (PostgreSQL's, like the term's). */
  stems: string[];
}

/** A glossary term found in a text: where (UTF-16 offsets, `end` exclusive) and what to translate it with. */
export interface GlossaryHit {
  termId: string;
  /** The term as the glossary writes it (the text may hold another form of it). */
  term: string;
  start: number;
  end: number;
  partOfSpeech: PartOfSpeech | null;
  /** Its definition or note ('' when none). */
  note: string;
  /** Approved translations: preferred first, then admitted, then forbidden. */
  translations: GlossaryHitTranslation[];
}

/** The glossary terms of one segment's original, and the text they were found in (the editor marks them only on that text). */
export interface SegmentGlossaryHits {
  text: string;
  hits: GlossaryHit[];
}

/** An approved term that may stand in a text: what matching it needs. */
export interface GlossaryCandidate {
  id: string;
  text: string;
  stems: string[];
}

/** One translation of a term as the glossary page shows it. */
export interface GlossaryEntryTranslation {
  id: string;
  text: string;
  status: TermStatus;
  state: 'PROPOSED' | 'APPROVED' | 'REJECTED';
  createdBy: string | null;
  rejectionReason: string | null;
}

/** A term as the glossary page lists it. */
export interface GlossaryEntry {
  id: string;
  text: string;
  partOfSpeech: PartOfSpeech | null;
  note: string;
  example: string;
  state: 'PROPOSED' | 'APPROVED' | 'REJECTED';
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  rejectionReason: string | null;
  translations: GlossaryEntryTranslation[];
}

/** A page of a glossary's terms. */
export interface GlossaryPage {
  entries: GlossaryEntry[];
  /** How many terms match the filters. */
  total: number;
  page: number;
  pageCount: number;
}

/** A proposal waiting for an editor: a new term (with the translations proposed with it) or a new translation of an approved term. */
export type GlossaryProposal =
  | { kind: 'term'; id: string; sourceLanguage: string; targetLanguage: string; term: GlossaryEntry; proposedBy: string | null; proposedAt: string }
  | { kind: 'translation'; id: string; sourceLanguage: string; targetLanguage: string; term: GlossaryEntry; translation: GlossaryEntryTranslation; proposedBy: string | null; proposedAt: string };

/** What an import of a glossary file did. */
export interface GlossaryImportSummary {
  file: string;
  format: 'tbx' | 'csv';
  sourceLanguage: string;
  targetLanguage: string;
  /** Terms new to the glossary. */
  created: number;
  /** Terms already there whose translations or details the file added to or changed. */
  updated: number;
  /** Terms of the file the glossary already had as they are. */
  unchanged: number;
  /** Entries left out, by reason. */
  skipped: { noTerm: number; noTranslation: number; tooLong: number; noWord: number };
}
