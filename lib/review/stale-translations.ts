import 'server-only';

import { recordAuditEvent } from '../audit/record-audit-event';
import { assertCan, actorUserId, type Actor } from '../auth/permissions';
import { liveSegmentSql } from '../auth/scope';
import { getDb, withTransaction, type Db } from '../db/client';
import { diffWords, type DiffOp } from '../diff/word-diff';
import { AppError } from '../errors/app-error';
import { loadSegmentContext } from '../segment/segment-context';

export interface StaleTranslation {
  segmentId: string;
  translation: string;
  /** How the source changed since the translation was made against it (not only the last edit). */
  sourceDiff: DiffOp[];
}

/**
 * Translations whose source was corrected since they were made or last confirmed: the source
 * revision they record is no longer the source's published one. In reading order.
 */
export async function getStaleTranslations({ actor, workId, language, segmentId, limit = 200, db = getDb() }: { actor: Actor; workId: string; language: string; segmentId?: string; limit?: number; db?: Db }): Promise<StaleTranslation[]> {
  const work = await db.work.findUnique({ where: { id: workId }, select: { collectionId: true, sourceLanguage: true } });
  if (!work) throw new AppError('NOT_FOUND', 'work.notFoundThat');
  assertCan(actor, 'work.read', { collectionId: work.collectionId });
  const rows = await db.$queryRaw<{ segment_id: string; translation: string; base_source: string | null; current_source: string }[]>`
    SELECT s.id AS segment_id, tr.text AS translation, base.text AS base_source, cur.text AS current_source
      FROM segment s
      JOIN segment_text t ON t.segment_id = s.id AND t.language = ${language}
      JOIN revision tr ON tr.id = t.published_revision_id
      JOIN segment_text src ON src.segment_id = s.id AND src.language = ${work.sourceLanguage}
      JOIN revision cur ON cur.id = src.published_revision_id
      LEFT JOIN revision base ON base.id = t.source_revision_id
     WHERE s.work_id = ${workId}::uuid AND ${liveSegmentSql('s')} AND t.source_revision_id IS DISTINCT FROM src.published_revision_id
       AND (${segmentId ?? null}::uuid IS NULL OR s.id = ${segmentId ?? null}::uuid)
     ORDER BY s.order_key
     LIMIT ${limit}`;
  return rows.map((row) => ({ segmentId: row.segment_id, translation: row.translation, sourceDiff: diffWords(row.base_source ?? '', row.current_source) }));
}

/** Confirms a translation is still valid for the source as published now: it is no longer stale. */
export async function confirmTranslation({ actor, segmentId, language, db = getDb() }: { actor: Actor; segmentId: string; language: string; db?: Db }): Promise<void> {
  await withTransaction(db, async (tx) => {
    const context = await loadSegmentContext(tx, segmentId);
    assertCan(actor, 'translation.confirm', { collectionId: context.collectionId });
    if (language === context.sourceLanguage) throw new AppError('INVALID_INPUT', 'review.onlyTranslationsStale');
    const source = await tx.segmentText.findUnique({ where: { segmentId_language: { segmentId, language: context.sourceLanguage } }, select: { publishedRevisionId: true } });
    const updated = await tx.segmentText.updateMany({ where: { segmentId, language, publishedRevisionId: { not: null } }, data: { sourceRevisionId: source?.publishedRevisionId ?? null, updatedAt: new Date() } });
    if (updated.count === 0) throw new AppError('NOT_FOUND', 'review.noPublishedTranslation');
    await recordAuditEvent({ db: tx, type: 'translation.confirmed', actorId: actorUserId(actor), collectionId: context.collectionId, workId: context.workId, data: { segmentId, language, sourceRevisionId: source?.publishedRevisionId ?? null } });
  });
}
