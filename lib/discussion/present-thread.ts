import 'server-only';

import type { DiscussionComment, DiscussionThread } from './types';
import { actorUserId, can, type Actor } from '../auth/permissions';

/** The columns a thread is presented from. */
export const commentSelect = {
  id: true,
  threadId: true,
  segmentId: true,
  language: true,
  authorId: true,
  body: true,
  mentionIds: true,
  resolvedAt: true,
  editedAt: true,
  deletedAt: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
  resolvedBy: { select: { id: true, name: true } },
} as const;

export interface CommentRow {
  id: string;
  threadId: string | null;
  segmentId: string;
  language: string | null;
  authorId: string | null;
  body: string;
  mentionIds: string[];
  resolvedAt: Date | null;
  editedAt: Date | null;
  deletedAt: Date | null;
  createdAt: Date;
  author: { id: string; name: string } | null;
  resolvedBy: { id: string; name: string } | null;
}

/** Whether the actor may resolve or reopen a thread: its author, or a moderator of the collection. */
export function canResolveThread(actor: Actor, root: { authorId: string | null }, collectionId: string): boolean {
  const resource = { collectionId };
  if (can(actor, 'comment.moderate', resource)) return true;
  const userId = actorUserId(actor);
  return userId !== null && root.authorId === userId && can(actor, 'comment.create', resource);
}

/** Whether the actor may delete a comment: its author, or a moderator of the collection. */
export function canDeleteComment(actor: Actor, comment: { authorId: string | null }, collectionId: string): boolean {
  const resource = { collectionId };
  if (can(actor, 'comment.moderate', resource)) return true;
  const userId = actorUserId(actor);
  return userId !== null && comment.authorId === userId && can(actor, 'comment.create', resource);
}

/** One comment as the actor sees it: a deleted comment keeps its place without its text or author. */
export function presentComment(actor: Actor, row: CommentRow, collectionId: string): DiscussionComment {
  const isDeleted = row.deletedAt !== null;
  const userId = actorUserId(actor);
  return {
    id: row.id,
    threadId: row.threadId ?? row.id,
    author: isDeleted ? null : row.author,
    body: isDeleted ? '' : row.body,
    mentionIds: isDeleted ? [] : row.mentionIds,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    isDeleted,
    canEdit: !isDeleted && userId !== null && row.authorId === userId && can(actor, 'comment.create', { collectionId }),
    canDelete: !isDeleted && canDeleteComment(actor, row, collectionId),
  };
}

/** A thread (its first comment and its replies, oldest first) as the actor sees it. */
export function presentThread(actor: Actor, root: CommentRow, replies: readonly CommentRow[], collectionId: string): DiscussionThread {
  const isResolved = root.resolvedAt !== null;
  return {
    id: root.id,
    segmentId: root.segmentId,
    language: root.language,
    isResolved,
    resolvedAt: root.resolvedAt?.toISOString() ?? null,
    resolvedBy: isResolved ? root.resolvedBy : null,
    comments: [root, ...replies].map((row) => presentComment(actor, row, collectionId)),
    canReply: !isResolved && can(actor, 'comment.create', { collectionId }),
    canResolve: canResolveThread(actor, root, collectionId),
  };
}
