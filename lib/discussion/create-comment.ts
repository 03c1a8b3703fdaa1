import 'server-only';

import { commentNotificationData } from './comment-notification-data';
import { resolveMentions } from './mentionable-users';
import { commentSelect, presentComment } from './present-thread';
import { createCommentInput, type CreateCommentInput } from './schemas';
import type { DiscussionComment } from './types';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';
import { parseInput } from '../errors/parse-input';
import { createNotifications } from '../notify/create-notifications';
import { loadSegmentContext } from '../segment/segment-context';

/**
 * Starts a thread on a segment (optionally about one of the work's languages) or, with
 * `replyToId`, replies to a thread: a reply to a reply joins the same thread and takes its
 * language. Mentions are resolved (see lib/discussion/mentions). In the same transaction, the
 * people mentioned get a `comment.mention` notification and the other participants of the thread
 * a `comment.reply`; the writer gets neither.
 * Throws NOT_FOUND (segment or comment replied to), UNAUTHENTICATED / FORBIDDEN (`comment.create`),
 * CONFLICT (the thread is resolved), INVALID_INPUT (empty or too long, a language the work lacks).
 */
export async function createComment({ actor, input, db = getDb() }: { actor: Actor; input: CreateCommentInput; db?: Db }): Promise<DiscussionComment> {
  const { segmentId, language, body, replyToId } = parseInput(createCommentInput, input);
  return withTransaction(db, async (tx) => {
    const context = await loadSegmentContext(tx, segmentId);
    assertCan(actor, 'comment.create', { collectionId: context.collectionId });
    let thread: { id: string; language: string | null } | null = null;
    if (replyToId) {
      const parent = await tx.comment.findUnique({ where: { id: replyToId }, select: { id: true, threadId: true, segmentId: true } });
      if (!parent || parent.segmentId !== segmentId) throw new AppError('NOT_FOUND', 'discussion.replyTargetGone');
      const root = await tx.comment.findUniqueOrThrow({ where: { id: parent.threadId ?? parent.id }, select: { id: true, language: true, resolvedAt: true } });
      if (root.resolvedAt) throw new AppError('CONFLICT', 'discussion.resolved');
      thread = root;
    } else if (language) {
      const isOpen = await tx.workLanguage.findUnique({ where: { workId_language: { workId: context.workId, language } }, select: { language: true } });
      if (!isOpen) throw new AppError('INVALID_INPUT', 'discussion.noText', { values: { language }, details: { language: [fieldMessage('field.notLanguageOfWork')] } });
    }
    const mentions = await resolveMentions(tx, { body, workId: context.workId, collectionId: context.collectionId });
    const comment = await tx.comment.create({
      data: {
        segmentId,
        workId: context.workId,
        collectionId: context.collectionId,
        language: thread ? thread.language : (language ?? null),
        threadId: thread?.id ?? null,
        authorId: actorUserId(actor),
        body: mentions.body,
        mentionIds: mentions.mentionIds,
      },
      select: commentSelect,
    });

    const data = await commentNotificationData(tx, actor, { ...comment, threadId: thread?.id ?? comment.id, workId: context.workId });
    const mentioned = await createNotifications({ db: tx, actor, recipientIds: mentions.mentionIds, type: 'comment.mention', data });
    if (thread) {
      const participants = await tx.comment.findMany({
        where: { OR: [{ id: thread.id }, { threadId: thread.id }], deletedAt: null, authorId: { not: null } },
        distinct: ['authorId'],
        select: { authorId: true },
      });
      // Someone both mentioned and taking part hears about it once, as a mention.
      const recipients = participants.map((row) => row.authorId).filter((id) => id !== null && !mentioned.includes(id));
      await createNotifications({ db: tx, actor, recipientIds: recipients, type: 'comment.reply', data });
    }
    return presentComment(actor, comment, context.collectionId);
  });
}
