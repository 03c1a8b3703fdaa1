import type { DiffOp } from '../diff/word-diff';

// The translation memory's answers as the editor receives them (no server code: components import these types).

/** Where a match comes from, as the editor shows it. */
export type MemoryProvenance =
  | { origin: 'LIBRARY'; workId: string; workTitle: string; workAuthor: string; segmentId: string; translator: string; date: string }
  | { origin: 'IMPORTED'; file: string; translator: string; date: string };

export interface MemoryMatch {
  unitId: string;
  percent: number;
  /** 100 % and the same previous and next source sentences. */
  isInContext: boolean;
  sourceText: string;
  targetText: string;
  /** Word diff from the stored source to the sentence being translated. */
  diff: DiffOp[];
  provenance: MemoryProvenance;
}

/** The matches of the segment being translated (`GET /api/works/[workId]/memory`). */
export interface MemoryMatches {
  /** The published source sentence the matches were looked up for (null: nothing to match yet). */
  sourceText: string | null;
  matches: MemoryMatch[];
}

/** Why units of a TMX file were not imported, by count. */
export interface MemoryImportSkips {
  /** No variant in the source or the target language (a unit of another language pair). */
  missingLanguage: number;
  /** The source or the target is empty once inline codes are left out. */
  empty: number;
  /** The source or the target is longer than a segment may be. */
  tooLong: number;
  /** The same source and target as a unit read before in the file. */
  duplicate: number;
}

/** What importing a TMX file did (`POST /api/collections/[collectionId]/memory`). */
export interface MemoryImportSummary {
  file: string;
  sourceLanguage: string;
  targetLanguage: string;
  imported: number;
  /** Units of an earlier import of a file of the same name into the collection, replaced by these. */
  replaced: number;
  skipped: MemoryImportSkips;
  /** The file's languages (primary subtags) with the number of units that have each, most first. */
  languages: { language: string; units: number }[];
}

/** A collection's memory by language pair, and the files imported into it (`GET /api/collections/[collectionId]/memory`). */
export interface CollectionMemory {
  pairs: { sourceLanguage: string; targetLanguage: string; library: number; imported: number }[];
  files: { name: string; units: number }[];
}

/** A collection on the memory exchange page, with its memory by language pair and its imported files. */
export interface MemoryCollection extends CollectionMemory {
  id: string;
  title: string;
}

/** One part of a concordance side: text as stored, `isMatch` where the words searched for are. */
export interface ConcordancePart {
  text: string;
  isMatch: boolean;
}

/** Where a concordance pair comes from: a published translation of the library, or an imported memory. */
export type ConcordanceProvenance =
  | { origin: 'LIBRARY'; segmentId: string; workId: string; workTitle: string; workAuthor: string; translator: string }
  | { origin: 'IMPORTED'; unitId: string; file: string; translator: string; date: string };

/** A source sentence and its translation, each side with the words searched for marked (the side not searched: one plain part). */
export interface ConcordancePair {
  source: ConcordancePart[];
  target: ConcordancePart[];
  provenance: ConcordanceProvenance;
}

/** A page of concordance (`GET /api/concordance`): the library's pairs first, then imported ones. */
export interface ConcordanceResults {
  pairs: ConcordancePair[];
  page: number;
  /** Another page follows (within the pages shown). */
  hasMore: boolean;
  /** Imported memories' units were left out: the actor may not read them (not signed in). */
  isImportedHidden: boolean;
}
