import type { EmphasisSpan } from '../segment/emphasis';

/**
 * What the structural planner reads: the rows a change concerns as they stand, loaded by
 * `loadStructureSnapshot` (under row locks when a change is applied) and planned by
 * `planStructuralEdit` without a database. Types only.
 */

export type SegmentKindName = 'HEADING' | 'PARAGRAPH' | 'SENTENCE' | 'FOOTNOTE';
export type BlockStyleName = 'PROSE' | 'QUOTE' | 'LIST_ITEM' | 'SPEAKER_TURN';

/** One text of a segment in a translation language. */
export interface SnapshotTranslation {
  /** The published text; null when there is none of its own. */
  text: string | null;
  revisionId: string | null;
  /** Covered by the previous segment's translation (an alignment group). */
  continuesPrevious: boolean;
  /** The source revision the translation was made or confirmed against. */
  sourceRevisionId: string | null;
}

/** Something pinned at a character offset of a segment's source text: a page anchor or a footnote reference. */
export interface SnapshotMark {
  id: string;
  label: string;
  charOffset: number;
}

export interface SnapshotSegment {
  id: string;
  kind: SegmentKindName;
  level: number;
  label: string | null;
  style: BlockStyleName;
  speaker: string | null;
  parentId: string | null;
  orderKey: string;
  chunk: number;
  /** Order keys of the segments just before and after this one among ALL of the work's segments (retired ones hold keys too): the bounds a new key next to it must fall between. */
  prevKey: string | null;
  nextKey: string | null;
  isRetired: boolean;
  /** The published source text (null for a PARAGRAPH, or a segment with no source text), with its emphasis (none when absent). */
  source: { text: string; revisionId: string; emphasis?: EmphasisSpan[] } | null;
  /** Texts per translation language (a language without a row here has none). */
  translations: Record<string, SnapshotTranslation>;
  anchors: SnapshotMark[];
  /** Footnote references in this segment's text. */
  refs: (SnapshotMark & { footnoteId: string })[];
  /** Footnote references pointing at this segment (when it is a FOOTNOTE). */
  referrers: string[];
  /** Text suggestions (any language) on this segment waiting for review (pending, or approved once). */
  openSuggestionIds: string[];
}

/** A live footnote of the work, with where it is referred to before the new note's reference (for placing a new note among them). */
export interface SnapshotNote {
  id: string;
  orderKey: string;
  prevKey: string | null;
  nextKey: string | null;
  /** A reference to it before the new note's reference (order key of its segment and its offset); null when none is before it. */
  firstRef: { orderKey: string; charOffset: number } | null;
}

export interface StructureSnapshot {
  work: { id: string; sourceLanguage: string; /** Translation languages, in a stable order. */ languages: string[] };
  /**
   * Live segments in reading order around the change: every segment it concerns, the whole of each
   * paragraph it cuts, joins or takes a sentence out of, and one live segment before and after as
   * context and bounds (a few, and no whole paragraph, for a sentence split or merge). Retired
   * segments the operation names are in `named` only.
   */
  rows: SnapshotSegment[];
  /** Every segment the operation names, by id (retired ones included, so the planner can say so). */
  named: Record<string, SnapshotSegment>;
  /** makeFootnote: the work's live footnotes the new note is placed among, in reading order (without the sentence itself): the last one referred to before the new reference and the first one. */
  notes: SnapshotNote[];
  /**
   * mergeSegments: for each language where the first segment's translation is part of an earlier
   * group, the group's first segment (whose text covers it).
   */
  groupHeads: Record<string, { segmentId: string; text: string | null; revisionId: string | null }>;
}
