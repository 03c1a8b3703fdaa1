import 'server-only';

import { excerptOf } from './mentions';
import { workThreadsInput, type WorkThreadsInput } from './schemas';
import type { WorkThreadSummary } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { getDb, type Db, type Prisma } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';

/**
 * The discussions of a whole work, for an editor's overview: unresolved threads first, then
 * resolved ones, each group oldest first, with their first comment, size and segment; keyset
 * pages (`next` names the group and the last thread). Anyone who may read the work may read its
 * discussions. Throws NOT_FOUND.
 */
export async function findWorkThreads({ actor, input, db = getDb() }: { actor: Actor; input: WorkThreadsInput; db?: Db }): Promise<{ threads: WorkThreadSummary[]; next: string | null }> {
  const { workId, status, language, after, limit } = parseInput(workThreadsInput, input);
  const work = isUuid(workId) ? await db.work.findUnique({ where: { id: workId }, select: { id: true, collectionId: true, sourceLanguage: true } }) : null;
  if (!work) throw new AppError('NOT_FOUND', 'work.notFoundThat');
  assertCan(actor, 'work.read', { collectionId: work.collectionId });

  const groups = status === 'all' ? (['open', 'resolved'] as const) : ([status] as const);
  const [afterGroup, afterId] = after ? (after.split(':') as ['open' | 'resolved', string]) : [null, null];
  const rows: (Awaited<ReturnType<typeof pageOf>>[number] & { group: 'open' | 'resolved' })[] = [];
  for (const group of groups) {
    if (afterGroup === 'resolved' && group === 'open') continue;
    const cursor = afterGroup === group ? afterId : null;
    const found = await pageOf(db, { workId, language, group, cursor, take: limit + 1 - rows.length });
    rows.push(...found.map((row) => ({ ...row, group })));
    if (rows.length > limit) break;
  }
  const page = rows.slice(0, limit);
  const ids = page.map((row) => row.id);
  const [counts, sources] = await Promise.all([
    ids.length === 0 ? [] : db.comment.groupBy({ by: ['threadId'], where: { threadId: { in: ids } }, _count: { _all: true }, _max: { createdAt: true } }),
    ids.length === 0
      ? []
      : db.segmentText.findMany({ where: { segmentId: { in: page.map((row) => row.segmentId) }, language: work.sourceLanguage }, select: { segmentId: true, publishedRevision: { select: { text: true } } } }),
  ]);
  const countOf = new Map(counts.map((count) => [count.threadId as string, count]));
  const sourceOf = new Map(sources.map((source) => [source.segmentId, source.publishedRevision?.text ?? '']));
  const threads = page.map((row): WorkThreadSummary => {
    const replies = countOf.get(row.id);
    const lastReplyAt = replies?._max.createdAt;
    return {
      id: row.id,
      segmentId: row.segmentId,
      language: row.language,
      isResolved: row.resolvedAt !== null,
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      author: row.deletedAt ? null : row.author,
      excerpt: row.deletedAt ? '' : excerptOf(row.body),
      createdAt: row.createdAt.toISOString(),
      commentCount: 1 + (replies?._count._all ?? 0),
      lastCommentAt: (lastReplyAt && lastReplyAt > row.createdAt ? lastReplyAt : row.createdAt).toISOString(),
      segmentExcerpt: excerptOf(sourceOf.get(row.segmentId) ?? ''),
    };
  });
  const last = rows.length > limit ? page.at(-1) : undefined;
  return { threads, next: last ? `${last.group}:${last.id}` : null };
}

function pageOf(db: Db, { workId, language, group, cursor, take }: { workId: string; language?: string; group: 'open' | 'resolved'; cursor: string | null; take: number }) {
  const where: Prisma.CommentWhereInput = {
    workId,
    threadId: null,
    resolvedAt: group === 'open' ? null : { not: null },
    ...(language ? { language } : {}),
    ...(cursor ? { id: { gt: cursor } } : {}),
  };
  return db.comment.findMany({
    where,
    orderBy: { id: 'asc' },
    take,
    select: { id: true, segmentId: true, language: true, body: true, resolvedAt: true, deletedAt: true, createdAt: true, author: { select: { id: true, name: true } } },
  });
}
