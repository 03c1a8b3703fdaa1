import 'server-only';

import { presentSegment } from './present-segment';
import type { ApiSegment } from './schemas';
import { ANONYMOUS } from '../auth/permissions';
import { getReadDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { getSegmentWindow } from '../reader/get-segment-window';
import { locateSegment } from '../reader/locate-segment';

/**
 * A segment by its permalink id, with its published texts in every language of its work: a
 * segment merged into another leads to the one that replaced it (`replacedFrom` then names the
 * id asked for), a paragraph to its first sentence. Throws NOT_FOUND, also for a passage a
 * re-import removed.
 */
export async function getApiSegment({ segmentId, db = getReadDb() }: { segmentId: string; db?: Db }): Promise<{ segment: ApiSegment; replacedFrom: string | null }> {
  const located = await locateSegment({ actor: ANONYMOUS, segmentId, db });
  if (located.isRetired) throw new AppError('NOT_FOUND', 'segment.removedByReimport');
  // all segments: locateSegment has just led to a live segment (a retired one was refused above).
  const row = await db.segment.findUnique({
    where: { id: located.segmentId },
    select: { orderKey: true, work: { select: { languages: { select: { language: true }, orderBy: [{ isSource: 'desc' }, { language: 'asc' }] } } } },
  });
  if (!row) throw new AppError('NOT_FOUND', 'segment.gone');
  const languages = row.work.languages.map((language) => language.language);
  const window = await getSegmentWindow({ actor: ANONYMOUS, workId: located.workId, languages, from: row.orderKey, limit: 1, db });
  const segment = window.segments[0];
  if (!segment || segment.id !== located.segmentId) throw new AppError('NOT_FOUND', 'segment.gone');
  return { segment: presentSegment(located.workId, segment), replacedFrom: located.replacedFrom };
}
