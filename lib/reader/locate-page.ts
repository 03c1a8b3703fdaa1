import 'server-only';

import { z } from 'zod';

import { assertCan, type Actor } from '../auth/permissions';
import { liveSegment } from '../auth/scope';
import { getDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';

/**
 * A page label as printed ("14", "xiv", "214a"): short, without white space, slashes, or the
 * characters a case-insensitive match would read as a pattern (`%`, `_`, `\`).
 */
export const pageLabelSchema = z.string().trim().min(1).max(20).regex(/^[^\s/%_\\]+$/u, fieldMessage('form.pageNumber'));

/**
 * Where a printed page of a work's source edition begins: the live segment holding its anchor, or
 * the next live one when the anchor's segment was retired. Labels are compared as printed ("xiv"
 * and "XIV" alike); when a label occurs twice (a volume restarting its numbering), the first in
 * reading order wins. Throws NOT_FOUND, saying which pages the work has.
 */
export async function locatePage({ actor, workId, label, db = getDb() }: { actor: Actor; workId: string; label: string; db?: Db }): Promise<{ workId: string; segmentId: string; label: string }> {
  assertCan(actor, 'work.read');
  const parsed = pageLabelSchema.safeParse(label);
  const work = isUuid(workId) ? await db.work.findUnique({ where: { id: workId }, select: { id: true } }) : null;
  if (!work) throw new AppError('NOT_FOUND', 'work.notFound');
  // all segments: an anchor in a retired passage still says where its page began (the next live text, below).
  const anchor = parsed.success
    ? await db.pageAnchor.findFirst({
        where: { workId, label: { equals: parsed.data, mode: 'insensitive' } },
        orderBy: [{ segment: { orderKey: 'asc' } }, { charOffset: 'asc' }],
        select: { label: true, segment: { select: { id: true, orderKey: true, retiredAt: true } } },
      })
    : null;
  if (!anchor) {
    const [first, last] = await Promise.all([
      db.pageAnchor.findFirst({ where: { workId, segment: liveSegment }, orderBy: [{ segment: { orderKey: 'asc' } }, { charOffset: 'asc' }], select: { label: true } }),
      db.pageAnchor.findFirst({ where: { workId, segment: liveSegment }, orderBy: [{ segment: { orderKey: 'desc' } }, { charOffset: 'desc' }], select: { label: true } }),
    ]);
    const range = first && last ? { range: 'known', first: first.label, last: last.label } : { range: 'unknown', first: '', last: '' };
    throw new AppError('NOT_FOUND', 'reader.noSuchPage', { values: { page: parsed.success ? parsed.data : label.slice(0, 20), ...range } });
  }
  if (anchor.segment.retiredAt === null) return { workId, segmentId: anchor.segment.id, label: anchor.label };
  // The page began in a passage a re-import retired: it now begins with the next live text.
  const next = await db.segment.findFirst({ where: { workId, ...liveSegment, kind: { not: 'PARAGRAPH' }, orderKey: { gt: anchor.segment.orderKey } }, orderBy: { orderKey: 'asc' }, select: { id: true } });
  if (!next) throw new AppError('NOT_FOUND', 'reader.pageGone', { values: { label: anchor.label } });
  return { workId, segmentId: next.id, label: anchor.label };
}
