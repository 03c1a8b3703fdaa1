import { z } from 'zod';

import { CHECK_IDS, MAX_FINDING_KEY_CHARS } from './types';
import { MAX_NAME_MENTION_TEXT_CHARS } from '../config/limits';
import { fieldMessage } from '../errors/error-text';
import { languageTagSchema } from '../library/language-tag';

/** Longest reason an editor gives for dismissing a finding. */
export const MAX_DISMISSAL_REASON_CHARS = 500;
/** Chunks of the editor one request for check contexts covers (100 rows each), as for its rows. */
export const MAX_CHECK_WINDOW_CHUNKS = 4;
/** Most findings' segments a page of the work's list shows. */
export const MAX_FINDINGS_PAGE = 100;

/** Draft texts one request for their name mentions may carry (the editor batches the rows that changed). */
export const MAX_DRAFT_NAME_TEXTS = 20;

const uuid = z.string().uuid(fieldMessage('form.invalidId'));

/** Drafts typed in the editor whose name mentions the names check needs (lib/checks/find-draft-names.ts). */
export const draftNamesInputSchema = z.object({
  workId: uuid,
  lang: languageTagSchema,
  texts: z.array(z.string().max(MAX_NAME_MENTION_TEXT_CHARS, fieldMessage('form.checks.draftTooLong'))).min(1).max(MAX_DRAFT_NAME_TEXTS),
});
export type DraftNamesInput = z.input<typeof draftNamesInputSchema>;

export const checkIdSchema = z.enum(CHECK_IDS);

/** One finding, as a dismissal names it: segment, language, check, key. */
export const findingRefSchema = z.object({
  segmentId: uuid,
  /** The translation's language. */
  language: languageTagSchema,
  check: checkIdSchema,
  /** The finding's key (lib/checks/types.ts, `Finding.key`). */
  key: z.string().min(1).max(MAX_FINDING_KEY_CHARS),
});
export type FindingRef = z.input<typeof findingRefSchema>;

export const dismissFindingInput = findingRefSchema.extend({
  /** Why the finding is not a problem here; shown to everyone who sees it dismissed. */
  reason: z.string().trim().min(1, fieldMessage('form.checks.reasonMissing')).max(MAX_DISMISSAL_REASON_CHARS, fieldMessage('form.atMostChars', { max: MAX_DISMISSAL_REASON_CHARS })),
});
export type DismissFindingInput = z.input<typeof dismissFindingInput>;

export const checkSettingsInput = z.object({
  collectionId: uuid,
  /** The checks to set, each as it should be (a check switched off cannot block). */
  settings: z
    .array(z.object({ check: checkIdSchema, isEnabled: z.boolean(), isBlocking: z.boolean() }))
    .min(1)
    .max(CHECK_IDS.length)
    .refine((settings) => new Set(settings.map((setting) => setting.check)).size === settings.length, fieldMessage('form.checks.eachOnce')),
});
export type CheckSettingsInput = z.input<typeof checkSettingsInput>;
