import 'server-only';

import { liveSegmentsOf, liveTextSegmentsOf } from '../auth/scope';
import type { Prisma } from '../db/client';
import { AppError } from '../errors/app-error';

/** One text-bearing segment as the alignment tools see it in one target language. */
export interface AlignmentRow {
  segmentId: string;
  orderKey: string;
  source: string;
  /** Published translation, null when the segment has none. */
  text: string | null;
  revisionId: string | null;
  continuesPrevious: boolean;
  alignScore: number | null;
}

const NEIGHBOURHOOD = 40;

type Tx = Prisma.TransactionClient;

async function rowsWhere(tx: Tx, workId: string, sourceLanguage: string, language: string, where: Prisma.SegmentWhereInput, order: 'asc' | 'desc', take: number): Promise<AlignmentRow[]> {
  const segments = await tx.segment.findMany({
    where: { ...liveTextSegmentsOf(workId), ...where },
    orderBy: { orderKey: order },
    take,
    select: {
      id: true,
      orderKey: true,
      texts: { where: { language: { in: [sourceLanguage, language] } }, select: { language: true, continuesPrevious: true, alignScore: true, publishedRevisionId: true, publishedRevision: { select: { text: true } } } },
    },
  });
  return segments.map((segment) => {
    const source = segment.texts.find((t) => t.language === sourceLanguage);
    const target = segment.texts.find((t) => t.language === language);
    return {
      segmentId: segment.id,
      orderKey: segment.orderKey,
      source: source?.publishedRevision?.text ?? '',
      text: target?.publishedRevision?.text ?? null,
      revisionId: target?.publishedRevisionId ?? null,
      continuesPrevious: target?.continuesPrevious ?? false,
      alignScore: target?.alignScore ?? null,
    };
  });
}

/**
 * A segment with the rows around it (enough to find the neighbouring alignment groups), in
 * reading order. Throws NOT_FOUND when the segment is not a text-bearing segment of the work.
 */
export async function loadAlignmentNeighbourhood(tx: Tx, { workId, sourceLanguage, language, segmentId }: { workId: string; sourceLanguage: string; language: string; segmentId: string }): Promise<{ before: AlignmentRow[]; row: AlignmentRow; after: AlignmentRow[] }> {
  const [row] = await rowsWhere(tx, workId, sourceLanguage, language, { id: segmentId }, 'asc', 1);
  if (!row) throw new AppError('NOT_FOUND', 'align.segmentNotInWork');
  const [before, after] = await Promise.all([
    rowsWhere(tx, workId, sourceLanguage, language, { orderKey: { lt: row.orderKey } }, 'desc', NEIGHBOURHOOD),
    rowsWhere(tx, workId, sourceLanguage, language, { orderKey: { gt: row.orderKey } }, 'asc', NEIGHBOURHOOD),
  ]);
  return { before: before.reverse(), row, after };
}

/** Rows from `fromKey` to `toKey` inclusive, in reading order (for re-aligning a range). */
export async function loadAlignmentRange(tx: Tx, { workId, sourceLanguage, language, fromKey, toKey, limit }: { workId: string; sourceLanguage: string; language: string; fromKey: string; toKey: string; limit: number }): Promise<AlignmentRow[]> {
  return rowsWhere(tx, workId, sourceLanguage, language, { orderKey: { gte: fromKey, lte: toKey } }, 'asc', limit);
}

/** The windowed rows of the alignment editor, or the least confident ones first. */
export async function findAlignmentRows(tx: Tx, { workId, sourceLanguage, language, after, limit, isLeastConfidentFirst }: { workId: string; sourceLanguage: string; language: string; after?: string; limit: number; isLeastConfidentFirst: boolean }): Promise<AlignmentRow[]> {
  if (!isLeastConfidentFirst) return rowsWhere(tx, workId, sourceLanguage, language, after ? { orderKey: { gt: after } } : {}, 'asc', limit);
  const weakest = await tx.segmentText.findMany({
    where: { language, alignScore: { not: null }, segment: liveSegmentsOf(workId) },
    orderBy: [{ alignScore: 'asc' }, { segment: { orderKey: 'asc' } }],
    take: limit,
    select: { segmentId: true },
  });
  const rows = await rowsWhere(tx, workId, sourceLanguage, language, { id: { in: weakest.map((w) => w.segmentId) } }, 'asc', limit);
  return rows.sort((a, b) => (a.alignScore ?? 1) - (b.alignScore ?? 1));
}
