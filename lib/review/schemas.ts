import { z } from 'zod';

import { MAX_SEGMENT_CHARS } from '../config/limits';
import { fieldMessage } from '../errors/error-text';

export const REJECT_REASONS = ['NOT_IN_ORIGINAL', 'TERMINOLOGY', 'MEANING', 'STYLE', 'OTHER'] as const;
export type RejectReasonCode = (typeof REJECT_REASONS)[number];

const uuid = z.string().uuid(fieldMessage('form.invalidId'));
const languageTag = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, fieldMessage('form.languageTag'));
const segmentText = z.string().max(MAX_SEGMENT_CHARS, fieldMessage('form.segmentTooLong', { max: MAX_SEGMENT_CHARS }));

export const suggestionInput = z.object({
  segmentId: uuid,
  language: languageTag,
  text: segmentText,
  /** The published revision the draft was started from (null: the segment had no text). */
  baseRevisionId: uuid.nullable(),
  /** Publish at once instead of suggesting (editors, in collections with one reviewer). */
  publish: z.boolean().default(false),
  /**
   * The machine translation the draft was filled with (its `machine` mark), if any: a text that
   * differs from it is labelled "machine translation, edited" (lib/machine-translation/find-machine-origin.ts).
   */
  machineTranslationId: uuid.nullable().optional(),
});
export type SuggestionInput = z.input<typeof suggestionInput>;

const rejectionInput = z.object({
  reason: z.enum(REJECT_REASONS),
  note: z.string().max(2_000).default(''),
});

/** One part of a suggestion a reviewer turned down while approving the rest; stored as given in `suggestion.hunk_rejections`. */
export const hunkRejectionSchema = rejectionInput.extend({
  /** The words of the part turned down. */
  excerpt: z.string().max(2_000),
});
export type HunkRejection = z.output<typeof hunkRejectionSchema>;

export const approvalInput = z.object({
  suggestionId: uuid,
  /** The text to publish when the reviewer edited it or turned some hunks down. */
  text: segmentText.optional(),
  /** With `text`: the published revision the reviewer edited against; approving fails with STALE_BASE if it is no longer published. */
  expectedRevisionId: uuid.nullable().optional(),
  /** Hunks of the suggestion turned down while approving the rest. */
  hunkRejections: z.array(hunkRejectionSchema).max(200).default([]),
});
export type ApprovalInput = z.input<typeof approvalInput>;

export const rejectInput = rejectionInput.extend({ suggestionId: uuid });
export type RejectInput = z.input<typeof rejectInput>;

export const revertInput = z.object({ segmentId: uuid, language: languageTag, revisionId: uuid, expectedRevisionId: uuid.nullable() });
export type RevertInput = z.input<typeof revertInput>;
