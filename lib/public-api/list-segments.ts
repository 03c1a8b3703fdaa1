import 'server-only';

import { decodeCursor, encodeCursor } from './cursor';
import { presentSegment } from './present-segment';
import type { ApiPage, ApiSegment } from './schemas';
import { ANONYMOUS } from '../auth/permissions';
import { getReadDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { getSegmentWindow } from '../reader/get-segment-window';
import { locatePage } from '../reader/locate-page';

/** Languages a segment list carries when none are named: the original first, then by tag. */
const DEFAULT_LANGUAGES = 4;

/**
 * A work's segments in reading order with their published texts, a window at a time: from the
 * start, from a cursor, or from the first segment of a printed page. Throws NOT_FOUND.
 */
export async function listApiSegments({ workId, langs, page, cursor, limit, db = getReadDb() }: { workId: string; langs: string[]; page?: string; cursor?: string; limit: number; db?: Db }): Promise<ApiPage<ApiSegment>> {
  const work = isUuid(workId)
    ? await db.work.findUnique({ where: { id: workId }, select: { languages: { select: { language: true }, orderBy: [{ isSource: 'desc' }, { language: 'asc' }], take: DEFAULT_LANGUAGES } } })
    : null;
  if (!work) throw new AppError('NOT_FOUND', 'work.notFound');
  const languages = langs.length > 0 ? langs : work.languages.map((language) => language.language);
  const after = decodeCursor(cursor, 'segments', 'string');
  const from = page === undefined ? undefined : await firstKeyOfPage(db, workId, page);
  const window = await getSegmentWindow({ actor: ANONYMOUS, workId, languages, after, from, limit, db });
  const last = window.segments.at(-1);
  return { items: window.segments.map((segment) => presentSegment(workId, segment)), nextCursor: window.hasAfter && last ? encodeCursor('segments', last.orderKey) : null };
}

async function firstKeyOfPage(db: Db, workId: string, label: string): Promise<string> {
  const { segmentId } = await locatePage({ actor: ANONYMOUS, workId, label, db });
  // all segments: locatePage names a live segment (the next live one when its page began in retired text).
  const segment = await db.segment.findUnique({ where: { id: segmentId }, select: { orderKey: true } });
  if (!segment) throw new AppError('NOT_FOUND', 'work.noSuchPage', { values: { label } });
  return segment.orderKey;
}
