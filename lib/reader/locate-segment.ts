import 'server-only';

import { assertCan, type Actor } from '../auth/permissions';
import { liveSegment } from '../auth/scope';
import { getDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';

/** Most replacements a permalink follows (a segment merged into one later merged again…) before it stops. */
export const MAX_REPLACEMENT_HOPS = 20;

/**
 * The work a segment belongs to, for permalinks (`/s/:id`). A segment a structural edit retired
 * (merged into another, a paragraph joined to the one before) leads to the live segment that
 * replaced it, following `replaced_by_id` for at most {@link MAX_REPLACEMENT_HOPS} steps:
 * `segmentId` is then the successor's and `replacedFrom` the id asked for. One a re-import
 * retired (with no successor) is reported as retired, so the link says the passage was removed
 * instead of opening the reader. Throws NOT_FOUND.
 */
export async function locateSegment({ actor, segmentId, db = getDb() }: { actor: Actor; segmentId: string; db?: Db }): Promise<{ workId: string; segmentId: string; isRetired: boolean; replacedFrom: string | null }> {
  assertCan(actor, 'work.read');
  const find = (id: string) =>
    // all segments: the permalink of a retired passage still resolves, to its successor or to say it was removed (isRetired).
    db.segment.findUnique({ where: { id }, select: { id: true, workId: true, kind: true, retiredAt: true, replacedById: true, children: { where: liveSegment, select: { id: true }, orderBy: { orderKey: 'asc' }, take: 1 } } });
  const asked = isUuid(segmentId) ? await find(segmentId) : null;
  if (!asked) throw new AppError('NOT_FOUND', 'segment.gone');
  let segment: NonNullable<typeof asked> = asked;
  const seen = new Set([segment.id]);
  for (let hop = 0; hop < MAX_REPLACEMENT_HOPS && segment.retiredAt !== null && segment.replacedById && !seen.has(segment.replacedById); hop += 1) {
    const successor = await find(segment.replacedById);
    if (!successor) break;
    seen.add(successor.id);
    segment = successor;
  }
  // A paragraph has no text of its own: point at its first sentence.
  const target = segment.kind === 'PARAGRAPH' ? (segment.children[0]?.id ?? segment.id) : segment.id;
  return { workId: segment.workId, segmentId: target, isRetired: segment.retiredAt !== null, replacedFrom: segment.id === segmentId ? null : segmentId };
}
