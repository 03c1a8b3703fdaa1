/**
 * The `data` of each notification type as zod schemas: checked when written and parsed when read
 * back, so the list never renders a value of another shape. Pure.
 */
import { z } from 'zod';

import { issuesInLine } from '../errors/issues-in-line';

const id = z.uuid();

/** Who caused it (their name at that moment); null when the account is gone or it was the command line. */
const notificationActorSchema = z.object({ id, name: z.string() }).nullable();

/** Data of `comment.reply` (a reply in a thread one took part in) and `comment.mention`. */
export const commentNotificationDataSchema = z.object({
  commentId: id,
  threadId: id,
  segmentId: id,
  workId: id,
  workTitle: z.string(),
  /** The language the discussion is about; null for the segment as a whole. */
  language: z.string().nullable(),
  actor: notificationActorSchema,
  /** The comment as plain text, cut to one line. */
  excerpt: z.string(),
});

/** One change of a suggestion the reviewer turned down while approving the rest, and why. */
export const turnedDownChangeSchema = z.object({
  /** The change as "removed → added", cut to one line. */
  excerpt: z.string(),
  /** The reason's code (NOT_IN_ORIGINAL, TERMINOLOGY, MEANING, STYLE, OTHER). */
  reason: z.string(),
  /** The reviewer's note, cut to one line; empty when none. */
  note: z.string(),
});

/**
 * Data of the outcomes of one's suggestion: `suggestion.approved` (published at once, or waiting
 * for a second reviewer when `status` is APPROVED; with the changes turned down when the reviewer
 * approved only part of it), `suggestion.validated` (published after the second review) and
 * `suggestion.rejected` (with the reason and the reviewer's note).
 */
export const suggestionNotificationDataSchema = z.object({
  suggestionId: id,
  segmentId: id,
  workId: id,
  workTitle: z.string(),
  language: z.string(),
  actor: notificationActorSchema,
  status: z.enum(['APPROVED', 'PUBLISHED', 'REJECTED']),
  /** The suggested text, cut to one line. */
  excerpt: z.string(),
  reason: z.string().optional(),
  note: z.string().optional(),
  /** A partial approval: the first changes turned down, each with its reason (absent when none were). */
  turnedDown: z.array(turnedDownChangeSchema).optional(),
  /** How many changes were turned down in all (more than `turnedDown` lists when there were many). */
  turnedDownCount: z.number().int().nonnegative().optional(),
});

export const COMMENT_NOTIFICATION_TYPES = ['comment.reply', 'comment.mention'] as const;
export const SUGGESTION_NOTIFICATION_TYPES = ['suggestion.approved', 'suggestion.validated', 'suggestion.rejected'] as const;

export type CommentNotificationData = z.output<typeof commentNotificationDataSchema>;
export type SuggestionNotificationData = z.output<typeof suggestionNotificationDataSchema>;
export type TurnedDownChange = z.output<typeof turnedDownChangeSchema>;

/** A notification's type with the data of that type, as written and as read back. */
export type TypedNotification =
  | { type: (typeof COMMENT_NOTIFICATION_TYPES)[number]; data: CommentNotificationData }
  | { type: (typeof SUGGESTION_NOTIFICATION_TYPES)[number]; data: SuggestionNotificationData };

/**
 * Parses a stored notification's type and data: typed, or what is wrong with it (a type this
 * version does not know, or data of another shape).
 */
export function safeParseNotification(row: { type: string; data: unknown }): { isReadable: true; notification: TypedNotification } | { isReadable: false; problem: string } {
  const { type } = row;
  if (isOneOf(COMMENT_NOTIFICATION_TYPES, type)) {
    const parsed = commentNotificationDataSchema.safeParse(row.data);
    return parsed.success ? { isReadable: true, notification: { type, data: parsed.data } } : { isReadable: false, problem: issuesInLine(parsed.error) };
  }
  if (isOneOf(SUGGESTION_NOTIFICATION_TYPES, type)) {
    const parsed = suggestionNotificationDataSchema.safeParse(row.data);
    return parsed.success ? { isReadable: true, notification: { type, data: parsed.data } } : { isReadable: false, problem: issuesInLine(parsed.error) };
  }
  return { isReadable: false, problem: `unknown notification type “${type}”` };
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}
