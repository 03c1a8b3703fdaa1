import 'server-only';

import { assertCan, type Actor } from '../auth/permissions';
import { liveSegment } from '../auth/scope';
import { getDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';

/**
 * The work a segment belongs to, for permalinks (`/s/:id`), and whether a later re-import retired
 * it (the link then says the passage was removed instead of opening the reader). Throws NOT_FOUND.
 */
export async function locateSegment({ actor, segmentId, db = getDb() }: { actor: Actor; segmentId: string; db?: Db }): Promise<{ workId: string; segmentId: string; isRetired: boolean }> {
  assertCan(actor, 'work.read');
  // all segments: the permalink of a retired passage still resolves, to say it was removed (isRetired).
  const segment = isUuid(segmentId)
    ? await db.segment.findUnique({ where: { id: segmentId }, select: { id: true, workId: true, kind: true, retiredAt: true, children: { where: liveSegment, select: { id: true }, orderBy: { orderKey: 'asc' }, take: 1 } } })
    : null;
  if (!segment) throw new AppError('NOT_FOUND', 'This segment does not exist (it may have been merged or deleted).');
  // A paragraph has no text of its own: point at its first sentence.
  const target = segment.kind === 'PARAGRAPH' ? (segment.children[0]?.id ?? segment.id) : segment.id;
  return { workId: segment.workId, segmentId: target, isRetired: segment.retiredAt !== null };
}
