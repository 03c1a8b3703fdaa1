import 'server-only';

import { reportQueueFilter, type ReportQueueFilter } from './schemas';
import type { ReportQueueItem, ReportQueuePage } from './types';
import { can, canSomewhere, type Actor } from '../auth/permissions';
import { collectionIdInScopeWhere } from '../auth/scope';
import { getDb, type Db, type Prisma } from '../db/client';
import { AppError } from '../errors/app-error';

/**
 * Readers' open error reports in the collections where the actor handles them, oldest first,
 * filtered by collection, work and language; keyset pages on the id (uuid v7: creation order).
 * Each carries the text the reader saw, the text published now and, for a translation, the
 * original. Throws UNAUTHENTICATED/FORBIDDEN (not an editor anywhere, or not of that collection).
 */
export async function findOpenReports({ actor, filter, db = getDb() }: { actor: Actor; filter: ReportQueueFilter; db?: Db }): Promise<ReportQueuePage> {
  const { collectionId, workId, language, after, limit } = reportQueueFilter.parse(filter);
  if (!canSomewhere(actor, 'report.handle')) throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN', 'Only editors see readers’ reports.');
  if (collectionId && !can(actor, 'report.handle', { collectionId })) throw new AppError('FORBIDDEN', 'You do not handle the reports of this collection.');
  const where: Prisma.ReaderReportWhereInput = {
    status: 'OPEN',
    ...(collectionId ? { collectionId } : collectionIdInScopeWhere(actor, 'report.handle')),
    ...(workId ? { workId } : {}),
    ...(language ? { language } : {}),
    ...(after ? { id: { gt: after } } : {}),
  };
  const rows = await db.readerReport.findMany({
    where,
    orderBy: { id: 'asc' },
    take: limit + 1,
    select: {
      id: true, segmentId: true, language: true, message: true, quotedText: true, createdAt: true,
      reporter: { select: { name: true } },
      collection: { select: { id: true, title: true } },
      segment: { select: { work: { select: { id: true, title: true, sourceLanguage: true } } } },
    },
  });
  const page = rows.slice(0, limit);
  const wanted = page.flatMap((row) => [{ segmentId: row.segmentId, language: row.language }, { segmentId: row.segmentId, language: row.segment.work.sourceLanguage }]);
  const texts = wanted.length === 0 ? [] : await db.segmentText.findMany({ where: { OR: wanted }, select: { segmentId: true, language: true, publishedRevision: { select: { text: true } } } });
  const textOf = new Map(texts.map((text) => [`${text.segmentId}:${text.language}`, text.publishedRevision?.text ?? '']));
  const items = page.map((row): ReportQueueItem => {
    const { work } = row.segment;
    return {
      reportId: row.id,
      segmentId: row.segmentId,
      language: row.language,
      work,
      collection: row.collection,
      message: row.message,
      quotedText: row.quotedText,
      currentText: textOf.get(`${row.segmentId}:${row.language}`) ?? '',
      sourceText: row.language === work.sourceLanguage ? null : (textOf.get(`${row.segmentId}:${work.sourceLanguage}`) ?? ''),
      reporterName: row.reporter?.name ?? null,
      createdAt: row.createdAt.toISOString(),
    };
  });
  return { items, next: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
