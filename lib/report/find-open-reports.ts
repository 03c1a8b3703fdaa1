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
 * original; reports merged into it (the same text reported again) add their reporters to its
 * count and their other messages, and are not listed on their own. Throws UNAUTHENTICATED/FORBIDDEN (not an editor anywhere, or not of that collection).
 */
export async function findOpenReports({ actor, filter, db = getDb() }: { actor: Actor; filter: ReportQueueFilter; db?: Db }): Promise<ReportQueuePage> {
  const { collectionId, workId, language, after, limit } = reportQueueFilter.parse(filter);
  if (!canSomewhere(actor, 'report.handle')) throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN', 'Only editors see readers’ reports.');
  if (collectionId && !can(actor, 'report.handle', { collectionId })) throw new AppError('FORBIDDEN', 'You do not handle the reports of this collection.');
  const where: Prisma.ReaderReportWhereInput = {
    status: 'OPEN',
    // A report merged into another is shown with it, not on its own.
    duplicateOfId: null,
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
      id: true, segmentId: true, language: true, message: true, quotedText: true, createdAt: true, reporterKey: true,
      reporter: { select: { name: true } },
      collection: { select: { id: true, title: true } },
      segment: { select: { work: { select: { id: true, title: true, sourceLanguage: true } } } },
    },
  });
  const page = rows.slice(0, limit);
  const wanted = page.flatMap((row) => [{ segmentId: row.segmentId, language: row.language }, { segmentId: row.segmentId, language: row.segment.work.sourceLanguage }]);
  const texts = wanted.length === 0 ? [] : await db.segmentText.findMany({ where: { OR: wanted }, select: { segmentId: true, language: true, publishedRevision: { select: { text: true } } } });
  const textOf = new Map(texts.map((text) => [`${text.segmentId}:${text.language}`, text.publishedRevision?.text ?? '']));
  const merged = page.length === 0 ? [] : await db.readerReport.findMany({ where: { duplicateOfId: { in: page.map((row) => row.id) }, status: 'OPEN' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { duplicateOfId: true, message: true, reporterKey: true } });
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
      ...mergedInto(row, merged.filter((duplicate) => duplicate.duplicateOfId === row.id)),
      createdAt: row.createdAt.toISOString(),
    };
  });
  return { items, next: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/** Messages compared as readers mean them: case and runs of white space aside. */
const messageKey = (message: string) => message.replace(/\s+/g, ' ').trim().toLocaleLowerCase();

/**
 * What the reports merged into one add to it: how many different reporters (account or address)
 * sent the group, and the messages that say something else than the first (each once, oldest first).
 */
function mergedInto(first: { message: string; reporterKey: string }, duplicates: readonly { message: string; reporterKey: string }[]): Pick<ReportQueueItem, 'reporterCount' | 'moreMessages'> {
  const seen = new Set([messageKey(first.message)]);
  const moreMessages: string[] = [];
  for (const { message } of duplicates) {
    const key = messageKey(message);
    if (seen.has(key)) continue;
    seen.add(key);
    moreMessages.push(message);
  }
  return { reporterCount: new Set([first, ...duplicates].map((report) => report.reporterKey)).size, moreMessages };
}
