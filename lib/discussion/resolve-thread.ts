import 'server-only';

import { canResolveThread } from './present-thread';
import { commentRef, type CommentRef } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, type Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db, type Prisma } from '../db/client';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';

export interface ThreadState {
  threadId: string;
  isResolved: boolean;
  resolvedAt: string | null;
}

/**
 * Marks a discussion resolved (`commentId` names any of its comments). The thread's author may,
 * and so may moderators (`comment.moderate`) of the collection. Writes a `comment.resolved` audit
 * event. Throws NOT_FOUND, UNAUTHENTICATED / FORBIDDEN, CONFLICT (already resolved).
 */
export async function resolveThread({ actor, input, db = getDb() }: { actor: Actor; input: CommentRef; db?: Db }): Promise<ThreadState> {
  return setResolved({ actor, input, db, isResolved: true });
}

/** Opens a resolved discussion again; same rules as {@link resolveThread}, audit event `comment.reopened`. */
export async function reopenThread({ actor, input, db = getDb() }: { actor: Actor; input: CommentRef; db?: Db }): Promise<ThreadState> {
  return setResolved({ actor, input, db, isResolved: false });
}

async function setResolved({ actor, input, db, isResolved }: { actor: Actor; input: CommentRef; db: Db; isResolved: boolean }): Promise<ThreadState> {
  const { commentId } = parseInput(commentRef, input);
  return withTransaction(db, async (tx) => {
    const root = await threadRoot(tx, commentId);
    if (!canResolveThread(actor, root, root.collectionId)) {
      if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'auth.signIn');
      throw new AppError('FORBIDDEN', 'discussion.starterOrEditorOnly', { values: { action: isResolved ? 'resolve' : 'reopen' } });
    }
    const now = new Date();
    // Compare-and-set on the current state: two people resolving at once, one of them is told.
    const { count } = await tx.comment.updateMany({
      where: { id: root.id, resolvedAt: isResolved ? null : { not: null } },
      data: isResolved ? { resolvedAt: now, resolvedById: actorUserId(actor) } : { resolvedAt: null, resolvedById: null },
    });
    if (count === 0) throw new AppError('CONFLICT', isResolved ? 'discussion.alreadyResolved' : 'discussion.alreadyOpen');
    await recordAuditEvent({ db: tx, type: isResolved ? 'comment.resolved' : 'comment.reopened', actorId: actorUserId(actor), collectionId: root.collectionId, workId: root.workId, data: { segmentId: root.segmentId, threadId: root.id } });
    return { threadId: root.id, isResolved, resolvedAt: isResolved ? now.toISOString() : null };
  });
}

async function threadRoot(tx: Prisma.TransactionClient, commentId: string) {
  const comment = await tx.comment.findUnique({ where: { id: commentId }, select: { id: true, threadId: true } });
  if (!comment) throw new AppError('NOT_FOUND', 'discussion.commentNotFound');
  return tx.comment.findUniqueOrThrow({ where: { id: comment.threadId ?? comment.id }, select: { id: true, authorId: true, segmentId: true, workId: true, collectionId: true } });
}
