/**
 * What every download is written from: a work (or a volume's works) read as blocks in reading
 * order, each with its texts in the languages asked for, and the plan made before the first block
 * (metadata, contents, where notes live). Pure types, shared by the writers of every format.
 */

import type { BlockStyleName } from '../segment/segmenter/block-layout';

/** A stretch of a text as the writers see it: words (emphasised or not), a note's marker, or where a printed page begins. */
export type InlineRun =
  | { type: 'text'; text: string; isEmphasis: boolean }
  /** A footnote marker as the text prints it, pointing at the note (a FOOTNOTE segment). */
  | { type: 'noteref'; noteId: string; label: string }
  /** A printed page begins here (`anchorId`: the page anchor, unique in the download). */
  | { type: 'page'; anchorId: string; label: string };

/** One segment's text in one language, as runs. */
export interface SegmentRuns {
  segmentId: string;
  /** The language the words are in: the language asked for, or the original's where a translation is missing. */
  language: string;
  /** The original shown in place of a missing translation. */
  isFallback: boolean;
  runs: InlineRun[];
}

/** The layout of a paragraph (the reader's), for every writer. */
export interface ExportLayout {
  style: BlockStyleName;
  speaker: string | null;
  marker: string | null;
  depth: number;
}

/** A paragraph's, heading's or note's texts: language → its segments' runs, in order (a language with none is absent). */
export type BlockTexts = Record<string, SegmentRuns[]>;

/**
 * A unit of layout, in reading order: a heading, a paragraph (its sentences' texts joined), a
 * footnote, or page beginnings that fell where no text is shown in any language (kept so that
 * every printed page still has its place).
 */
export type ExportBlock =
  | { kind: 'heading'; id: string; workId: string; orderKey: string; level: number; texts: BlockTexts }
  | { kind: 'paragraph'; id: string; workId: string; orderKey: string; layout: ExportLayout; texts: BlockTexts }
  | {
      kind: 'footnote';
      id: string;
      workId: string;
      orderKey: string;
      label: string | null;
      texts: BlockTexts;
      /** Referred to from its own work (a note at the foot of its page) rather than only from elsewhere (a volume's notes). */
      isReferredFromOwnWork: boolean;
    }
  | { kind: 'pages'; id: string; workId: string; orderKey: string; pages: { anchorId: string; label: string }[] };

/** Bilingual layouts of EPUB and HTML: pairs side by side, paragraphs alternating, or each chapter followed by its original. */
export type BilingualLayout = 'side-by-side' | 'alternating' | 'original-after-chapter';

/** A heading of the table of contents: a work's (for a volume, the works themselves are its top entries). */
export interface TocHeading {
  segmentId: string;
  workId: string;
  orderKey: string;
  level: number;
  text: string;
}

/** A work of the download, with where its chapters begin. */
export interface PlanWork {
  id: string;
  title: string;
  author: string;
  dateText: string;
  sourceLanguage: string;
  sourceEdition: string;
  /**
   * The order keys where its chapters begin (headings at its chapter level), in order; the
   * stretch before the first one (if any) is a chapter too.
   */
  chapterStarts: string[];
  /**
   * The order keys where a file of an EPUB begins inside a chapter besides the chapter's start
   * (a long chapter is cut every few hundred blocks), in order.
   */
  fileBreaks: string[];
}

/** Everything known before the first block is written. */
export interface ExportPlan {
  kind: 'work' | 'volume';
  /** The work's or volume's id (a UUID). */
  id: string;
  title: string;
  author: string;
  dateText: string;
  sourceEdition: string;
  provenance: string;
  sourceUrl: string;
  licence: string;
  collection: { id: string; title: string };
  /** ASCII stem of the file name (the slug, with the languages). */
  fileStem: string;
  /** The languages written, the main one first (one or two). */
  languages: string[];
  /** The original's language (the first work's, for a volume). */
  sourceLanguage: string;
  /** Whether the original stands in for missing translations (it does when it is not one of `languages`). */
  isFallbackToSource: boolean;
  /** Translators by language (translations only): credited names, then the people whose translations were published. */
  translators: { language: string; names: string[] }[];
  /** Newest change of what is exported. */
  modified: Date;
  works: PlanWork[];
  toc: TocHeading[];
  /** Notes of the download's works that are written (they have a text), by id: their work and place. */
  notes: Map<string, { workId: string; orderKey: string }>;
  /** Notes of other works that the download refers to (a volume's notes, for one of its works), in order: written at the end. */
  externalNotes: string[];
}

/** Where the writers get their blocks: a stretch of a work, and the notes of other works it refers to. Lets the writers stay free of the database. */
export interface BlockSource {
  blocks(options: { work: PlanWork; from: string | undefined; to: string | undefined; languages: readonly string[]; hasPages: boolean; hasNotes: boolean }): AsyncIterable<ExportBlock>;
  externalNotes(): AsyncIterable<ExportBlock>;
}
