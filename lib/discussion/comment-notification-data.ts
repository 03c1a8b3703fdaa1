import 'server-only';

import { excerptOf } from './mentions';
import type { Actor } from '../auth/permissions';
import type { Db } from '../db/client';
import type { CommentNotificationData } from '../notify/types';

/** What a notification about a comment carries. */
export async function commentNotificationData(
  tx: Db,
  actor: Actor,
  comment: { id: string; threadId: string; segmentId: string; workId: string; language: string | null; body: string },
): Promise<CommentNotificationData> {
  const work = await tx.work.findUniqueOrThrow({ where: { id: comment.workId }, select: { title: true } });
  return {
    commentId: comment.id,
    threadId: comment.threadId,
    segmentId: comment.segmentId,
    workId: comment.workId,
    workTitle: work.title,
    language: comment.language,
    actor: actor.kind === 'user' ? { id: actor.id, name: actor.name } : null,
    excerpt: excerptOf(comment.body),
  };
}
