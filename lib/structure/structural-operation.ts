/**
 * The structural edits of a work's source a volunteer may propose, and the preview a reviewer
 * sees before approving one. Runs in the browser too (zod only): the proposing dialog parses the
 * same operation the server stores.
 */
import { z } from 'zod';

import type { StructureBlocker, StructureSummary } from './structure-summary';
import { MAX_SEGMENT_CHARS } from '../config/limits';
import { fieldMessage } from '../errors/error-text';

const uuid = z.string().uuid(fieldMessage('form.invalidId'));
const MAX = MAX_SEGMENT_CHARS;

export const structuralOperation = z.discriminatedUnion('type', [
  // Cut a text-bearing segment (SENTENCE, HEADING or FOOTNOTE) in two at `offset` (UTF-16 index into its
  // published source text `baseRevisionId`; must fall on whitespace between words or right after a
  // sentence-final punctuation; both parts non-empty after trimming).
  z.object({ type: z.literal('splitSegment'), segmentId: uuid, baseRevisionId: uuid, offset: z.number().int().min(1).max(MAX) }),
  // Join a text-bearing segment with the next live one of the same kind in the same paragraph.
  z.object({ type: z.literal('mergeSegments'), segmentId: uuid, nextSegmentId: uuid }),
  // A SENTENCE becomes a HEADING (leaving its paragraph, which is cut around it), or a HEADING becomes a
  // one-sentence paragraph.
  z.object({ type: z.literal('makeHeading'), segmentId: uuid, level: z.number().int().min(1).max(6) }),
  z.object({ type: z.literal('makeSentence'), segmentId: uuid }),
  // A SENTENCE becomes a FOOTNOTE with `label`, referenced from `refSegmentId` at `refOffset` of its source text.
  z.object({
    type: z.literal('makeFootnote'),
    segmentId: uuid,
    label: z.string().trim().min(1).max(12),
    refSegmentId: uuid,
    refOffset: z.number().int().min(0).max(MAX),
  }),
  // Cut a paragraph before one of its sentences (not the first).
  z.object({ type: z.literal('splitParagraph'), paragraphId: uuid, beforeSegmentId: uuid }),
  // Join a paragraph with the next live paragraph.
  z.object({ type: z.literal('joinParagraphs'), paragraphId: uuid, nextParagraphId: uuid }),
]);
export type StructuralOperation = z.infer<typeof structuralOperation>;
export type StructuralOperationType = StructuralOperation['type'];

export const proposeStructuralEditInput = z.object({ operation: structuralOperation, note: z.string().max(2000).default('') });
export type ProposeStructuralEditInput = z.input<typeof proposeStructuralEditInput>;

/** One row of a structural preview (what the queue shows before/after). */
export interface StructureRow {
  /** Segment id; null for a segment the change creates. */
  id: string | null;
  kind: 'HEADING' | 'PARAGRAPH' | 'SENTENCE' | 'FOOTNOTE';
  level: number;
  label: string | null;
  /** Id (or a placeholder 'new-1' …) of the paragraph a sentence belongs to, so the UI can draw paragraph boundaries. */
  paragraph: string | null;
  /** Published source text (empty for a PARAGRAPH). */
  text: string;
  /** Where the change acts in `text` (e.g. the cut), for highlighting; null when not applicable. */
  mark: { from: number; to: number } | null;
  /** Translations as they are / will be. `continuesPrevious`: shown with the row above. `toCheck`: kept on the first part of a split and marked for checking. */
  translations: { language: string; text: string; continuesPrevious: boolean; toCheck: boolean }[];
  /** Status of this row in the change: kept, changed, created, retired. */
  change: 'kept' | 'changed' | 'created' | 'retired';
}

export interface StructurePreview {
  /** The change in one English line: what the suggestion stores as its text. */
  summary: string;
  /** The same line's values, for the interface to word in its language (null: a stored line that could not be read back). */
  summaryValues: StructureSummary | null;
  before: StructureRow[];
  after: StructureRow[];
  /** Why approving it would be refused now. */
  blockers: StructureBlocker[];
}
