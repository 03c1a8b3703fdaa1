import 'server-only';

import { canDeleteComment } from './present-thread';
import { commentRef, type CommentRef } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, type Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';

/**
 * Deletes a comment: its author may, and so may moderators (`comment.moderate`) of the
 * collection. The row keeps its place in the thread without its text, author shown or mentions,
 * and the notifications that quoted it are removed. Writes a `comment.deleted` audit event.
 * Throws NOT_FOUND, UNAUTHENTICATED / FORBIDDEN, CONFLICT (already deleted).
 */
export async function deleteComment({ actor, input, db = getDb() }: { actor: Actor; input: CommentRef; db?: Db }): Promise<void> {
  const { commentId } = parseInput(commentRef, input);
  await withTransaction(db, async (tx) => {
    const row = await tx.comment.findUnique({
      where: { id: commentId },
      select: { id: true, threadId: true, segmentId: true, workId: true, collectionId: true, authorId: true, mentionIds: true, deletedAt: true },
    });
    if (!row) throw new AppError('NOT_FOUND', 'discussion.commentNotFound');
    if (!canDeleteComment(actor, row, row.collectionId)) {
      if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'auth.signIn');
      throw new AppError('FORBIDDEN', 'discussion.deleteOwnOnly');
    }
    // Compare-and-set: of two deletions at once, the second finds nothing left to delete.
    const { count } = await tx.comment.updateMany({ where: { id: commentId, deletedAt: null }, data: { deletedAt: new Date(), body: '', mentionIds: [] } });
    if (count === 0) throw new AppError('CONFLICT', 'discussion.alreadyDeleted');
    const threadId = row.threadId ?? row.id;
    // Its notifications went to the people it mentioned and the thread's participants: look only there.
    const participants = await tx.comment.findMany({ where: { OR: [{ id: threadId }, { threadId }], authorId: { not: null } }, distinct: ['authorId'], select: { authorId: true } });
    const recipients = [...new Set([...row.mentionIds, ...participants.map((participant) => participant.authorId as string)])];
    await tx.notification.deleteMany({ where: { userId: { in: recipients }, type: { in: ['comment.reply', 'comment.mention'] }, data: { path: ['commentId'], equals: commentId } } });
    await recordAuditEvent({
      db: tx,
      type: 'comment.deleted',
      actorId: actorUserId(actor),
      collectionId: row.collectionId,
      workId: row.workId,
      data: { segmentId: row.segmentId, commentId, threadId, authorId: row.authorId, isOwn: row.authorId !== null && row.authorId === actorUserId(actor) },
    });
  });
}
