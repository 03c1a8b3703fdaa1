import 'server-only';

import { commentNotificationData } from './comment-notification-data';
import { resolveMentions } from './mentionable-users';
import { commentSelect, presentComment } from './present-thread';
import { updateCommentInput, type UpdateCommentInput } from './schemas';
import type { DiscussionComment } from './types';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';
import { createNotifications } from '../notify/create-notifications';

/**
 * Changes the text of one's own comment and marks it edited. People mentioned for the first time
 * are notified (`comment.mention`); those mentioned before are not notified again. Only the
 * author edits a comment, moderators included.
 * Throws NOT_FOUND, UNAUTHENTICATED / FORBIDDEN, CONFLICT (deleted), INVALID_INPUT.
 */
export async function updateComment({ actor, input, db = getDb() }: { actor: Actor; input: UpdateCommentInput; db?: Db }): Promise<DiscussionComment> {
  const { commentId, body } = parseInput(updateCommentInput, input);
  return withTransaction(db, async (tx) => {
    const row = await tx.comment.findUnique({ where: { id: commentId }, select: { ...commentSelect, workId: true, collectionId: true } });
    if (!row) throw new AppError('NOT_FOUND', 'discussion.commentNotFound');
    assertCan(actor, 'comment.create', { collectionId: row.collectionId });
    if (row.authorId === null || row.authorId !== actorUserId(actor)) throw new AppError('FORBIDDEN', 'discussion.authorOnly');
    if (row.deletedAt) throw new AppError('CONFLICT', 'discussion.commentDeleted');
    const mentions = await resolveMentions(tx, { body, workId: row.workId, collectionId: row.collectionId });
    if (mentions.body === row.body) return presentComment(actor, row, row.collectionId);
    const updated = await tx.comment.update({ where: { id: commentId }, data: { body: mentions.body, mentionIds: mentions.mentionIds, editedAt: new Date() }, select: commentSelect });
    const newlyMentioned = mentions.mentionIds.filter((id) => !row.mentionIds.includes(id));
    if (newlyMentioned.length > 0) {
      const data = await commentNotificationData(tx, actor, { ...updated, threadId: updated.threadId ?? updated.id, workId: row.workId });
      await createNotifications({ db: tx, actor, recipientIds: newlyMentioned, type: 'comment.mention', data });
    }
    return presentComment(actor, updated, row.collectionId);
  });
}
