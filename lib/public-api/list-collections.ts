import 'server-only';

import { decodeCursor, pageOf } from './cursor';
import type { ApiCollection, ApiPage } from './schemas';
import { getReadDb, type Db } from '../db/client';

/** The library's collections in the order they were made (ids are time-ordered), a page at a time. */
export async function listApiCollections({ cursor, limit, db = getReadDb() }: { cursor?: string; limit: number; db?: Db }): Promise<ApiPage<ApiCollection>> {
  const after = decodeCursor(cursor, 'collections', 'string');
  const rows = await db.collection.findMany({
    where: after === undefined ? {} : { id: { gt: after } },
    orderBy: { id: 'asc' },
    take: limit + 1,
    select: { id: true, slug: true, title: true, description: true, _count: { select: { volumes: true, works: true } } },
  });
  const page = pageOf(rows, limit, 'collections', (row) => row.id);
  return { items: page.rows.map(presentCollection), nextCursor: page.nextCursor };
}

export function presentCollection({ _count, ...row }: { id: string; slug: string; title: string; description: string; _count: { volumes: number; works: number } }): ApiCollection {
  return { ...row, volumeCount: _count.volumes, workCount: _count.works };
}
