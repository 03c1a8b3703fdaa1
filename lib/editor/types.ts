/**
 * Read models of the segment editor (`/works/:id/edit`), shared by the server code that builds
 * them and the components that show them. Drafts are not here: they live in the collaboration
 * documents (lib/collab/segment-doc.ts); these are the published texts and statuses beside them.
 */
import type { MachineTranslationOffer } from '../machine-translation/providers';
import type { TextStatusName } from '../reader/types';
import type { TextSuggestions } from '../review/find-text-suggestions';

/** The kinds of segment the editor shows one row for (PARAGRAPH rows are containers). */
export type EditorSegmentKind = 'HEADING' | 'SENTENCE' | 'FOOTNOTE';

/** The published state of one text: what readers see now, and the changes to it awaiting review. */
export interface PublishedState {
  text: string;
  /** The published revision; null when the segment has no text in this language yet. */
  revisionId: string | null;
  status: TextStatusName;
  /**
   * Suggestions for this text that await review (pending, or approved once and waiting for the
   * second reviewer): the editor marks the text "proposed" while there is one.
   */
  openSuggestions: number;
  /** Emphasised stretches of the text (shown in italics where the text is read, not edited); absent when none. */
  emphasis?: { start: number; end: number }[];
}

/** One text-bearing segment: its source and the text being edited (the same when editing the source). */
export interface EditorRow {
  segmentId: string;
  kind: EditorSegmentKind;
  /** Heading level (1 = top); 0 for other kinds. */
  level: number;
  /** Footnote label ("1", "*"), else null. */
  label: string | null;
  /** The collaboration chunk (document) the segment's draft lives in. */
  chunk: number;
  /** The paragraph a sentence belongs to; the editor leaves a gap where it changes. */
  parentId: string | null;
  source: PublishedState;
  target: PublishedState;
  /** The published translation was made against an earlier source text (always false when editing the source). */
  isStale: boolean;
  /**
   * The segment's translation is part of the previous segment's (`continues_previous`: one
   * translated sentence covers both source segments): the editor shows the two as one unit, and
   * this segment takes no text of its own.
   */
  continuesPrevious: boolean;
  /** The source texts of the following segments whose translation is part of this one's, in order (usually none). */
  groupedSources: { segmentId: string; text: string }[];
  /**
   * Suggestions for the edited text awaiting review and those a reviewer turned down, newest
   * first, so the row can say a draft is waiting for review, or was declined as it stands.
   */
  suggestions: TextSuggestions;
  /**
   * Structural edits awaiting review that touch this segment (a split, a merge, a change of kind,
   * its paragraph cut or joined), oldest first; always empty when editing a translation.
   */
  structure: { suggestionId: string; summary: string }[];
}

/** The rows of one chunk, in reading order. */
export interface EditorChunk {
  chunk: number;
  rows: EditorRow[];
}

/** Everything the editor page needs to open: the layout of the whole work and its first chunks. */
export interface EditorPage {
  work: { id: string; title: string; collectionId: string; collectionTitle: string; sourceLanguage: string };
  /** The language being edited; the work's source language when correcting the original. */
  language: string;
  isSourceLanguage: boolean;
  /** The work's languages, its source first, for switching between them. */
  languages: string[];
  /** Text-bearing segments per chunk, indexed by chunk number: the virtual list's layout. */
  chunkSizes: number[];
  /** The first chunks, so the page shows text before any request. */
  initialChunks: EditorChunk[];
  /**
   * Names this reading of the rows. A page the browser shows again from its history (back and
   * forward navigation reuse the payload) carries the same one, and the editor reads its rows again.
   */
  readId: string;
  /** The segment the editor opens at (`?segment=`): its chunk and its place among the chunk's rows. */
  focus: { segmentId: string; chunk: number; position: number } | null;
  /** The signed-in user (their name is shown to the others editing), or null for a guest. */
  viewer: { id: string; name: string } | null;
  abilities: {
    canEdit: boolean;
    /** Turn drafts into suggestions for review. */
    canSuggest: boolean;
    /** Publish a draft at once (editors of collections where one approval suffices). */
    canPublish: boolean;
    /** Publish an earlier revision again. */
    canRevert: boolean;
    /** Confirm a stale translation is still valid. */
    canConfirm: boolean;
    /** Decide on suggestions (the review queue). */
    canReview: boolean;
    /** Take part in segment discussions; resolve and delete anyone's comments. */
    canComment: boolean;
    canModerate: boolean;
  };
  /**
   * The machine translation service the editor offers for drafts (docs/machine-translation.md):
   * null when none is configured, when editing the source, and for those who may not edit.
   */
  machineTranslation: MachineTranslationOffer | null;
}
