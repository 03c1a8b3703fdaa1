import type { CleanupReportLine } from './prepare-text';

/** What an import reports: the new work and what it was made of. */
export interface ImportSummary {
  workId: string;
  collectionId: string;
  slug: string;
  title: string;
  language: string;
  counts: { heading: number; paragraph: number; sentence: number; footnote: number };
  pageAnchors: { label: string; segmentId: string }[];
  uploadId: string;
  /** The character encoding the file was read in. */
  encoding: string;
  /** What each cleanup rule did ("212 running headers removed"); empty when cleanup did not run. */
  cleanup: CleanupReportLine[];
}

/** What a re-import did (or, for a dry run, would do). */
export interface ReimportSummary {
  workId: string;
  isDryRun: boolean;
  /** What each cleanup rule did on the original upload with the new choices. */
  cleanup: CleanupReportLine[];
  counts: {
    /** Source texts given a new CLEANUP revision. */
    changed: number;
    /** New text segments (a paragraph row of a new paragraph not counted). */
    inserted: number;
    /** Existing segments the new text has no counterpart for, whose text people edited: kept as they are. */
    unmatchedOld: number;
    /** Segments the new text no longer has, as imported: retired (hidden from readers and editors, kept with their revisions). */
    retired: number;
    /** Retired segments the new text has again: shown again. */
    restored: number;
    /** Texts edited since the import: never changed by a re-import. */
    keptEdited: number;
    /** Texts that changed while the re-import ran: left as they are (0 in a dry run). */
    conflicts: number;
    /** Texts the same as before, new texts whose words a structural merge already put into a live segment included. */
    unchanged: number;
    /** Unchanged texts whose page anchors moved. */
    pagesMoved: number;
    /** Paragraphs whose layout changed: a speaker turn, a list item or a quotation found or no longer found. */
    layoutsChanged: number;
  };
  examples: {
    changed: { segmentId: string; before: string; after: string }[];
    inserted: { text: string; afterSegmentId: string | null }[];
    unmatchedOld: { segmentId: string; text: string }[];
    retired: { segmentId: string; text: string }[];
    restored: { segmentId: string; text: string }[];
    keptEdited: { segmentId: string; current: string; proposed: string }[];
    conflicts: { segmentId: string; before: string; after: string }[];
  };
  /** Every existing segment left without a counterpart, in reading order. */
  unmatchedOldSegmentIds: string[];
}
