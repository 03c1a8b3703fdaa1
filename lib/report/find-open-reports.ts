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
  if (!canSomewhere(actor, 'report.handle')) throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN', 'report.editorsOnly');
  if (collectionId && !can(actor, 'report.handle', { collectionId })) throw new AppError('FORBIDDEN', 'report.notYourCollection');
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
  const merged = await findMergedReports(db, page.map((row) => row.id));
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
      ...(merged.get(row.id) ?? { reporterCount: 1, moreMessages: [] }),
      createdAt: row.createdAt.toISOString(),
    };
  });
  return { items, next: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/** Other messages shown with a merged report: anyone may add to a group, so the list is bounded. */
const MAX_MERGED_MESSAGES = 20;

/**
 * What the open reports merged into each of `reportIds` add to it: how many different reporters
 * (account or address) sent the group, counted in the database, and the first messages that say
 * something else than the group's first (each once, oldest first, at most
 * {@link MAX_MERGED_MESSAGES}). Two queries, bounded however many readers joined a group.
 */
async function findMergedReports(db: Db, reportIds: readonly string[]): Promise<Map<string, Pick<ReportQueueItem, 'reporterCount' | 'moreMessages'>>> {
  const merged = new Map<string, Pick<ReportQueueItem, 'reporterCount' | 'moreMessages'>>();
  if (reportIds.length === 0) return merged;
  const ids = [...reportIds];
  const [counts, messages] = await Promise.all([
    db.$queryRaw<{ id: string; reporters: number; first_message: string }[]>`
      SELECT first.id, first.message AS first_message,
             (SELECT count(DISTINCT key)::int FROM (SELECT first.reporter_key AS key UNION ALL
                SELECT d.reporter_key FROM reader_report d WHERE d.duplicate_of_id = first.id AND d.status = 'OPEN') keys) AS reporters
        FROM reader_report first WHERE first.id = ANY(${ids}::uuid[])`,
    // Each group's distinct messages (as messageKey compares them), oldest first, one more than
    // shown in case one repeats the first report's.
    db.$queryRaw<{ duplicate_of_id: string; message: string }[]>`
      SELECT duplicate_of_id, message FROM (
        SELECT duplicate_of_id, message, row_number() OVER (PARTITION BY duplicate_of_id ORDER BY created_at, id) AS place FROM (
          SELECT duplicate_of_id, message, created_at, id,
                 row_number() OVER (PARTITION BY duplicate_of_id, lower(regexp_replace(btrim(message), '[[:space:]]+', ' ', 'g')) ORDER BY created_at, id) AS copy
            FROM reader_report WHERE duplicate_of_id = ANY(${ids}::uuid[]) AND status = 'OPEN') d
         WHERE copy = 1) m
       WHERE place <= ${MAX_MERGED_MESSAGES + 1} ORDER BY duplicate_of_id, place`,
  ]);
  const firstMessages = new Map(counts.map((row) => [row.id, row.first_message]));
  for (const row of counts) merged.set(row.id, { reporterCount: row.reporters, moreMessages: [] });
  const seen = new Map<string, Set<string>>();
  for (const { duplicate_of_id: id, message } of messages) {
    const entry = merged.get(id);
    if (!entry || entry.moreMessages.length >= MAX_MERGED_MESSAGES) continue;
    let keys = seen.get(id);
    if (!keys) seen.set(id, (keys = new Set([messageKey(firstMessages.get(id) ?? '')])));
    const key = messageKey(message);
    if (keys.has(key)) continue;
    keys.add(key);
    entry.moreMessages.push(message);
  }
  return merged;
}

/** Messages compared as readers mean them: case and runs of white space aside. */
const messageKey = (message: string) => message.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
