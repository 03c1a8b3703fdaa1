/** Read models of the library and reader, shared by server code and components. */

import type { BlockStyleName } from '../segment/segmenter/block-layout';

export type { BlockStyleName } from '../segment/segmenter/block-layout';

export type SegmentKindName = 'HEADING' | 'PARAGRAPH' | 'SENTENCE' | 'FOOTNOTE';
/** Whether a text is published (segment_text.status): EMPTY until the first text in the language is. */
export type TextStatusName = 'EMPTY' | 'APPROVED';

/** How far one language of a work has come. */
export interface LanguageProgress {
  language: string;
  isSource: boolean;
  /** Provenance of an imported translation (empty strings / null when unknown). */
  translator: string;
  edition: string;
  publishedYear: number | null;
  /** Language it was translated from, when not the original's (a pivot). */
  translatedFrom: string | null;
  /** Text-bearing segments with a published text in this language. */
  approved: number;
  /** Text-bearing segments of the work. */
  total: number;
}

export interface LibraryWork {
  id: string;
  slug: string;
  title: string;
  author: string;
  dateText: string;
  sourceLanguage: string;
  languages: LanguageProgress[];
}

/** What part of its volume a work is. */
export type WorkPartName = 'WORK' | 'FRONT_MATTER' | 'BACK_MATTER';

/** A work listed in its volume: its place and part, besides what a library card shows. */
export interface VolumeWork extends LibraryWork {
  position: number;
  part: WorkPartName;
}

/** A volume of a collection with its works, front and back matter in printed order. */
export interface LibraryVolume {
  id: string;
  title: string;
  author: string;
  dateText: string;
  sourceEdition: string;
  works: VolumeWork[];
}

export interface LibraryCollection {
  id: string;
  slug: string;
  title: string;
  description: string;
  /** Volumes imported whole, in the order they were imported. */
  volumes: LibraryVolume[];
  /** Works outside any volume, by title. */
  works: LibraryWork[];
}

/** Where a work stands in its volume, for the reader's "previous", "next" and "contents". */
export interface WorkVolumePlace {
  id: string;
  title: string;
  part: WorkPartName;
  /** Place in the volume from 0, and how many parts the volume has. */
  position: number;
  count: number;
  /** The works before and after it in printed order (front and back matter included), if any. */
  previous: { id: string; title: string } | null;
  next: { id: string; title: string } | null;
}

export interface TocEntry {
  segmentId: string;
  level: number;
  text: string;
}

export interface WorkOverview {
  id: string;
  slug: string;
  title: string;
  author: string;
  dateText: string;
  sourceLanguage: string;
  sourceEdition: string;
  provenance: string;
  /** The web page the text was taken from (http or https), or empty. */
  sourceUrl: string;
  /** Tags its source gave it (a piece of an anthology). */
  tags: string[];
  licence: string;
  collection: { id: string; slug: string; title: string };
  /** The volume the work was printed in and its place there; null outside a volume. */
  volume: WorkVolumePlace | null;
  languages: LanguageProgress[];
  toc: TocEntry[];
  pageCount: number;
  abilities: { canImport: boolean; canEdit: boolean; canAlign: boolean; canDownloadOriginal: boolean; canSuggest: boolean };
}

export interface ReaderText {
  text: string;
  status: TextStatusName;
  /** The previous segment's text covers this one too (a translated sentence spanning two source segments). */
  continuesPrevious: boolean;
  /** Confidence of the automatic alignment, 0–1, or null. */
  alignScore: number | null;
  /** Emphasised stretches of `text` (shown in italics), in order and apart. */
  emphasis: { start: number; end: number }[];
}

/**
 * How the paragraph a segment belongs to is laid out: a PARAGRAPH's own layout, a SENTENCE's
 * paragraph's (so a window that starts inside a paragraph still knows it), PROSE for the rest.
 */
export interface ReaderLayout {
  style: BlockStyleName;
  /** Who speaks, for a SPEAKER_TURN. */
  speaker: string | null;
  /** The list item's marker ("1.", "a)", "•"), for a LIST_ITEM. */
  marker: string | null;
  /** How deep a LIST_ITEM's list is nested in other lists (0: not nested); 0 for other layouts. */
  depth: number;
}

/** A footnote as a reference shows it in place: label, the work that holds it, texts by language. */
export interface ReaderNote {
  label: string | null;
  workId: string;
  texts: Record<string, string>;
}

export interface ReaderSegment {
  id: string;
  kind: SegmentKindName;
  level: number;
  label: string | null;
  orderKey: string;
  parentId: string | null;
  layout: ReaderLayout;
  /** Printed pages that begin in this segment, with the offset in its source text. */
  pages: { label: string; offset: number }[];
  /**
   * Footnote references in the source text: the marker's label, where it stood, the note's segment
   * and the note itself (its label, work and published texts in the languages read), so the reader
   * shows it in place; a note the reader may not see (retired, or outside the work's collection) is
   * not there, and neither is its reference.
   */
  footnoteRefs: { label: string; offset: number; footnoteId: string; note: ReaderNote }[];
  /** For a FOOTNOTE: the segments that refer to it. */
  referencedBy: string[];
  /** Published texts by language (only the languages asked for). */
  texts: Record<string, ReaderText>;
}

export interface SegmentWindow {
  segments: ReaderSegment[];
  /** More segments exist before the first / after the last one returned. */
  hasBefore: boolean;
  hasAfter: boolean;
}
