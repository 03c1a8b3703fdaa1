import { z } from 'zod';

import { MAX_REPORT_MESSAGE_CHARS, MAX_REPORT_NOTE_CHARS, MAX_SEGMENT_CHARS } from '../config/limits';
import { fieldMessage } from '../errors/error-text';

const uuid = z.string().uuid(fieldMessage('form.invalidId'));
const languageTag = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, fieldMessage('form.languageTag'));

/** Name of the form field people never see and robots fill in (the spam trap). */
export const REPORT_HONEYPOT_FIELD = 'website';

/** A reader's error report on one segment, as the reader's dialog sends it. */
export const reportInput = z.object({
  /** The segment the error is in (from the path). */
  segmentId: uuid,
  /** The language of the text the reader saw (the original, or a translation). */
  language: languageTag,
  /** What is wrong, in the reader's words. */
  message: z
    .string()
    .trim()
    .min(1, fieldMessage('form.report.messageMissing'))
    .max(MAX_REPORT_MESSAGE_CHARS, fieldMessage('form.report.messageTooLong', { max: MAX_REPORT_MESSAGE_CHARS })),
  /** The text the reader saw; kept only when it is a text this segment really had (see createReport). */
  quotedText: z.string().max(MAX_SEGMENT_CHARS).optional(),
  /** Signed time at which the form was shown (`GET /api/reports/form-token`). */
  formToken: z.string().max(200).default(''),
  /** The hidden field: people leave it empty. */
  [REPORT_HONEYPOT_FIELD]: z.string().max(2_000).default(''),
});
export type ReportInput = z.input<typeof reportInput>;

/** An editor closing a report: fixed (resolved) or not an error (dismissed), with a note. */
export const decideReportInput = z.object({
  reportId: uuid,
  /** What was done, for the other editors and the audit log. */
  note: z.string().trim().max(MAX_REPORT_NOTE_CHARS, fieldMessage('form.report.noteTooLong', { max: MAX_REPORT_NOTE_CHARS })).default(''),
});
export type DecideReportInput = z.input<typeof decideReportInput>;

/** Filters and keyset cursor of the editors' list of open reports. */
export const reportQueueFilter = z.object({
  collectionId: uuid.optional(),
  workId: uuid.optional(),
  language: languageTag.optional(),
  /** Keyset cursor: the id of the last report of the previous page. */
  after: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ReportQueueFilter = z.input<typeof reportQueueFilter>;
