import 'server-only';

import { buildSegmentRows } from './build-segment-rows';
import { insertPublishedTexts } from './insert-published-texts';
import { removeMarkerCharacters } from './marker-characters';
import { segmentDocument } from './segmenter';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertCan, type Actor, actorUserId } from '../auth/permissions';
import { liveTextSegmentsOf } from '../auth/scope';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

export interface AddTranslationBySegmentOrderOptions {
  actor: Actor;
  workId: string;
  language: string;
  text: string;
  format: 'txt' | 'md';
  db?: Db;
}

/**
 * Adds a translation whose structure already matches the work one to one (same headings,
 * sentences and footnotes in the same order), publishing each text with an IMPORT revision.
 * Translations that do not match segment for segment need the aligner instead: this refuses them
 * with INVALID_INPUT naming the first mismatch. Also throws NOT_FOUND, FORBIDDEN, CONFLICT (the
 * language already has texts).
 */
export async function addTranslationBySegmentOrder({ actor, workId, language, text, format, db = getDb() }: AddTranslationBySegmentOrderOptions): Promise<{ count: number }> {
  return withTransaction(db, async (tx) => {
    const work = await tx.work.findUnique({ where: { id: workId }, select: { id: true, collectionId: true, sourceLanguage: true } });
    if (!work) throw new AppError('NOT_FOUND', 'work.notFound');
    assertCan(actor, 'work.import', { collectionId: work.collectionId });
    if (language === work.sourceLanguage) throw new AppError('INVALID_INPUT', 'segment.translationSameLanguage');
    const existing = await tx.workLanguage.findUnique({ where: { workId_language: { workId, language } }, select: { language: true } });
    if (existing) throw new AppError('CONFLICT', 'segment.translationExists', { values: { language } });

    const targets = await tx.segment.findMany({ where: liveTextSegmentsOf(workId), orderBy: { orderKey: 'asc' }, select: { id: true, kind: true } });
    // The characters of the segmenter's own markers are removed first: the text cannot pose as structure or emphasis.
    const rows = buildSegmentRows(segmentDocument(removeMarkerCharacters(text), { language, format })).filter((row) => row.text !== null);
    const mismatch = rows.findIndex((row, index) => targets[index]?.kind !== row.kind);
    if (rows.length !== targets.length || mismatch !== -1) {
      const at = mismatch === -1 ? Math.min(rows.length, targets.length) : mismatch;
      throw new AppError('INVALID_INPUT', 'segment.orderMismatch', { values: { workCount: targets.length, translationCount: rows.length, at: at + 1 } });
    }
    await tx.workLanguage.create({ data: { workId, language } });
    await insertPublishedTexts({
      tx,
      language,
      items: rows.map((row, index) => ({ segmentId: targets[index]?.id as string, text: row.text as string })),
      authorId: actorUserId(actor),
      origin: 'IMPORT',
    });
    await recordAuditEvent({ db: tx, type: 'translation.imported', actorId: actorUserId(actor), collectionId: work.collectionId, workId, data: { language, count: rows.length } });
    return { count: rows.length };
  });
}
