import 'server-only';

import { findAlignmentRows, type AlignmentRow } from './alignment-rows';
import { loadAlignableWork } from './edit-alignment';
import type { Actor } from '../auth/permissions';
import { READER_WINDOW_SEGMENTS } from '../config/limits';
import { getDb, withTransaction, type Db } from '../db/client';

export interface GetAlignmentRowsOptions {
  actor: Actor;
  workId: string;
  language: string;
  /** Rows after this order key, in reading order. */
  after?: string;
  /** The least confident automatic alignments first, instead of reading order. */
  isLeastConfidentFirst?: boolean;
  limit?: number;
  db?: Db;
}

/**
 * Rows of the alignment editor: source and translation per segment with the revision each shows
 * (sent back with edits for the compare-and-set), the group flags and confidences. Throws
 * UNAUTHENTICATED/FORBIDDEN, NOT_FOUND.
 */
export async function getAlignmentRows({ actor, workId, language, after, isLeastConfidentFirst = false, limit = READER_WINDOW_SEGMENTS, db = getDb() }: GetAlignmentRowsOptions): Promise<{ sourceLanguage: string; rows: AlignmentRow[]; hasMore: boolean }> {
  return withTransaction(db, async (tx) => {
    const work = await loadAlignableWork(tx, actor, workId, language);
    const take = Math.min(Math.max(limit, 1), READER_WINDOW_SEGMENTS);
    const rows = await findAlignmentRows(tx, { workId, sourceLanguage: work.sourceLanguage, language, after, limit: take + 1, isLeastConfidentFirst });
    return { sourceLanguage: work.sourceLanguage, rows: rows.slice(0, take), hasMore: rows.length > take };
  });
}
