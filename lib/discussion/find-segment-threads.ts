import 'server-only';

import { commentSelect, presentThread, type CommentRow } from './present-thread';
import type { DiscussionThread } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { MAX_THREADS_PER_SEGMENT } from '../config/limits';
import { getDb, type Db } from '../db/client';
import { loadSegmentContext } from '../segment/segment-context';

/**
 * The discussion of one segment: its threads, unresolved first (oldest first), then resolved ones
 * (most recently resolved first), each with its comments oldest first, author names, and what the
 * actor may do. With `language`, only threads about that language or about the whole segment.
 * Threads whose every comment was deleted are left out. Anyone who may read the work may read
 * its discussions. Throws NOT_FOUND.
 */
export async function findSegmentThreads({ actor, segmentId, language, db = getDb() }: { actor: Actor; segmentId: string; language?: string | null; db?: Db }): Promise<DiscussionThread[]> {
  const context = await loadSegmentContext(db, segmentId);
  assertCan(actor, 'work.read', { collectionId: context.collectionId });
  const roots = await db.comment.findMany({
    where: { segmentId, threadId: null, ...(language ? { OR: [{ language }, { language: null }] } : {}) },
    orderBy: [{ resolvedAt: { sort: 'desc', nulls: 'first' } }, { id: 'asc' }],
    take: MAX_THREADS_PER_SEGMENT,
    select: commentSelect,
  });
  const replies = roots.length === 0 ? [] : await db.comment.findMany({ where: { threadId: { in: roots.map((root) => root.id) } }, orderBy: { id: 'asc' }, select: commentSelect });
  const repliesOf = new Map<string, CommentRow[]>();
  for (const reply of replies) repliesOf.set(reply.threadId as string, [...(repliesOf.get(reply.threadId as string) ?? []), reply]);
  return roots
    .map((root) => ({ root, replies: repliesOf.get(root.id) ?? [] }))
    .filter(({ root, replies: own }) => root.deletedAt === null || own.some((reply) => reply.deletedAt === null))
    .map(({ root, replies: own }) => presentThread(actor, root, own, context.collectionId));
}
