import 'server-only';

import { loadAlignmentRange } from './alignment-rows';
import { alignSentences } from './core';
import { applyRowChanges, loadAlignableWork, type AlignmentEditResult } from './edit-alignment';
import { loadSeedLexicon } from './load-seed-lexicon';
import { placeBeads } from './place-beads';
import type { Actor } from '../auth/permissions';
import { liveSegmentsOf } from '../auth/scope';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { splitSentences } from '../segment/segmenter';

/** Most rows one re-alignment may cover. */
const MAX_RANGE_ROWS = 2000;

/**
 * Runs the aligner again on the rows from `fromSegmentId` to `toSegmentId`: the translation's
 * sentences in that range are re-distributed over its source segments (nothing is added or
 * dropped), written as ALIGN revisions with the new confidences, undoable like a hand edit.
 * Throws UNAUTHENTICATED/FORBIDDEN, NOT_FOUND, INVALID_INPUT (empty or too long range).
 */
export async function realignRange({ actor, workId, language, fromSegmentId, toSegmentId, db = getDb() }: { actor: Actor; workId: string; language: string; fromSegmentId: string; toSegmentId: string; db?: Db }): Promise<AlignmentEditResult> {
  // The pair's dictionaries (read once per process, a few tenths of a second) before the
  // transaction: no connection or lock is held while they load.
  const sourceLanguage = (await db.work.findUnique({ where: { id: workId }, select: { sourceLanguage: true } }))?.sourceLanguage;
  const seedLexicon = loadSeedLexicon(sourceLanguage, language);
  return withTransaction(db, async (tx) => {
    const work = await loadAlignableWork(tx, actor, workId, language);
    const ends = await tx.segment.findMany({ where: { ...liveSegmentsOf(workId), id: { in: [fromSegmentId, toSegmentId] } }, select: { id: true, orderKey: true } });
    const from = ends.find((end) => end.id === fromSegmentId);
    const to = ends.find((end) => end.id === toSegmentId);
    if (!from || !to) throw new AppError('NOT_FOUND', 'align.rangeNotInWork');
    if (from.orderKey > to.orderKey) throw new AppError('INVALID_INPUT', 'align.rangeBackwards');
    const rows = await loadAlignmentRange(tx, { workId, sourceLanguage: work.sourceLanguage, language, fromKey: from.orderKey, toKey: to.orderKey, limit: MAX_RANGE_ROWS + 1 });
    if (rows.length > MAX_RANGE_ROWS) throw new AppError('INVALID_INPUT', 'align.rangeTooLong', { values: { max: MAX_RANGE_ROWS } });
    // A range that starts inside a group would cut a translation in two: start at its head.
    if (rows[0]?.continuesPrevious) throw new AppError('INVALID_INPUT', 'align.rangeStart');
    const target = rows.flatMap((row) => (row.text ? splitSentences(row.text, language) : []));
    const beads = alignSentences(
      rows.map((row) => row.source),
      target,
      { sourceLanguage: work.sourceLanguage, targetLanguage: language, seedLexicon },
    );
    const placed = placeBeads(beads, target);
    const changes = placed.map((item) => ({ segmentId: rows[item.source]?.segmentId as string, text: item.text, continuesPrevious: item.continuesPrevious }));
    const scores = new Map(placed.map((item) => [rows[item.source]?.segmentId as string, item.score]));
    return applyRowChanges(tx, { actor, work, language, current: rows, changes, expected: null, event: { type: 'alignment.realigned', data: { fromSegmentId, toSegmentId } }, scores });
  });
}
