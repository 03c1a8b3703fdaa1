import 'server-only';

import type { Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { continuationConflict, retiredConflict } from '../revision/write-revision';

export interface SegmentContext {
  segmentId: string;
  workId: string;
  collectionId: string;
  sourceLanguage: string;
  reviewPolicy: 'SINGLE' | 'DOUBLE';
  allowSelfApproval: boolean;
  /** A re-import retired the segment: out of sight of readers and editors, its history kept. */
  isRetired: boolean;
}

/** Where a segment belongs and the review rules of its collection; NOT_FOUND when it does not exist. */
export async function loadSegmentContext(db: Db, segmentId: string): Promise<SegmentContext> {
  // all segments: a retired segment is found and flagged (isRetired), so history stays readable and new text is refused with CONFLICT (assertNotRetired).
  const segment = isUuid(segmentId)
    ? await db.segment.findUnique({
        where: { id: segmentId },
        select: { id: true, kind: true, retiredAt: true, work: { select: { id: true, sourceLanguage: true, collection: { select: { id: true, reviewPolicy: true, allowSelfApproval: true } } } } },
      })
    : null;
  if (!segment || segment.kind === 'PARAGRAPH') throw new AppError('NOT_FOUND', 'segment.notFound');
  return {
    segmentId: segment.id,
    workId: segment.work.id,
    collectionId: segment.work.collection.id,
    sourceLanguage: segment.work.sourceLanguage,
    reviewPolicy: segment.work.collection.reviewPolicy,
    allowSelfApproval: segment.work.collection.allowSelfApproval,
    isRetired: segment.retiredAt !== null,
  };
}

/** Refuses new text for a retired segment (merged into another, or removed by a re-import) with CONFLICT ({@link retiredConflict}). */
export function assertNotRetired(context: SegmentContext): void {
  if (context.isRetired) throw retiredConflict();
}

/**
 * Refuses new text for a segment whose text in `language` is grouped into the previous segment's
 * with CONFLICT ({@link continuationConflict}), before a suggestion is made or approved; a
 * published text is refused again by `writeRevision` under the text's lock.
 */
export async function assertNotContinuation(db: Db, segmentId: string, language: string): Promise<void> {
  const text = await db.segmentText.findUnique({ where: { segmentId_language: { segmentId, language } }, select: { continuesPrevious: true } });
  if (text?.continuesPrevious) throw continuationConflict();
}

/** The published revision of a segment's text in one language (null when it has none). */
export async function publishedRevisionOf(db: Db, segmentId: string, language: string): Promise<{ id: string; text: string } | null> {
  const text = await db.segmentText.findUnique({
    where: { segmentId_language: { segmentId, language } },
    select: { publishedRevision: { select: { id: true, text: true } } },
  });
  return text?.publishedRevision ?? null;
}
