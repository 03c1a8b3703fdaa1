import { z } from 'zod';

import { MAX_COMMENT_CHARS, MIN_COMMENT_CHARS } from '../config/limits';
import { fieldMessage } from '../errors/error-text';

const uuid = z.string().uuid(fieldMessage('form.invalidId'));
const languageTag = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, fieldMessage('form.languageTag'));

/** A comment's text: trimmed, then 1–5,000 characters; mentions are `@[Name](user-id)` tokens. */
const commentBody = z
  .string()
  .trim()
  .min(MIN_COMMENT_CHARS, fieldMessage('form.discussion.empty'))
  .max(MAX_COMMENT_CHARS, fieldMessage('form.discussion.tooLong', { max: MAX_COMMENT_CHARS }));

export const createCommentInput = z.object({
  segmentId: uuid,
  /** The language the new thread is about; omitted or null for the segment as a whole (replies take their thread's). */
  language: languageTag.nullish(),
  body: commentBody,
  /** Any comment of the thread to reply to; omitted to start a new thread. */
  replyToId: uuid.optional(),
});
export type CreateCommentInput = z.input<typeof createCommentInput>;

export const updateCommentInput = z.object({ commentId: uuid, body: commentBody });
export type UpdateCommentInput = z.input<typeof updateCommentInput>;

/** Names a comment (for deleting it) or any comment of a thread (for resolving or reopening it). */
export const commentRef = z.object({ commentId: uuid });
export type CommentRef = z.input<typeof commentRef>;

export const segmentThreadsInput = z.object({
  segmentId: uuid,
  /** Only threads about this language or about the segment as a whole. */
  lang: languageTag.optional(),
});

export const workThreadsInput = z.object({
  workId: uuid,
  /** Unresolved threads, resolved ones, or both (unresolved first). */
  status: z.enum(['open', 'resolved', 'all']).default('open'),
  language: languageTag.optional(),
  /** Keyset cursor from the previous page's `next`. */
  after: z.string().regex(/^(open|resolved):[0-9a-f-]{36}$/i, fieldMessage('form.cursor')).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type WorkThreadsInput = z.input<typeof workThreadsInput>;

export const mentionableInput = z.object({
  segmentId: uuid,
  /** Part of the name typed after `@`; empty lists the first few people. */
  q: z.string().max(40).default(''),
});
