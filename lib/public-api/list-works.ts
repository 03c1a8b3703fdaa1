import 'server-only';

import { decodeCursor, pageOf } from './cursor';
import { apiWorkSelect, presentWorks } from './present-works';
import type { ApiPage, ApiWork } from './schemas';
import { getReadDb, type Db } from '../db/client';

/**
 * Works a page at a time: of one volume in printed order, else (of one collection, or all) in the
 * order they were imported.
 */
export async function listApiWorks({ collection, volume, cursor, limit, db = getReadDb() }: { collection?: string; volume?: string; cursor?: string; limit: number; db?: Db }): Promise<ApiPage<ApiWork>> {
  const scope = { ...(collection === undefined ? {} : { collectionId: collection }), ...(volume === undefined ? {} : { volumeId: volume }) };
  if (volume !== undefined) {
    const after = decodeCursor(cursor, 'volume-works', 'number');
    const rows = await db.work.findMany({
      where: { ...scope, ...(after === undefined ? {} : { volumePosition: { gt: after } }) },
      orderBy: { volumePosition: 'asc' },
      take: limit + 1,
      select: apiWorkSelect,
    });
    const page = pageOf(rows, limit, 'volume-works', (row) => row.volumePosition ?? 0);
    return { items: await presentWorks(db, page.rows), nextCursor: page.nextCursor };
  }
  const after = decodeCursor(cursor, 'works', 'string');
  const rows = await db.work.findMany({ where: { ...scope, ...(after === undefined ? {} : { id: { gt: after } }) }, orderBy: { id: 'asc' }, take: limit + 1, select: apiWorkSelect });
  const page = pageOf(rows, limit, 'works', (row) => row.id);
  return { items: await presentWorks(db, page.rows), nextCursor: page.nextCursor };
}
