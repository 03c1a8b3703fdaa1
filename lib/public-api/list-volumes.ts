import 'server-only';

import { decodeCursor, pageOf } from './cursor';
import type { ApiPage, ApiVolume, ApiVolumeSummary } from './schemas';
import { getReadDb, type Db } from '../db/client';

/** The columns of a volume the public API shows, with its works in printed order. */
export const apiVolumeSelect = {
  id: true, collectionId: true, title: true, author: true, dateText: true, sourceEdition: true,
  works: { orderBy: { volumePosition: 'asc' }, select: { id: true, title: true, volumePosition: true, part: true } },
} as const;

/**
 * Volumes (of one collection, or all) in the order they were imported, a page at a time, each with
 * its number of works (a volume's works are listed by the volume itself, or paged by /works).
 */
export async function listApiVolumes({ collection, cursor, limit, db = getReadDb() }: { collection?: string; cursor?: string; limit: number; db?: Db }): Promise<ApiPage<ApiVolumeSummary>> {
  const after = decodeCursor(cursor, 'volumes', 'string');
  const rows = await db.volume.findMany({
    where: { ...(collection === undefined ? {} : { collectionId: collection }), ...(after === undefined ? {} : { id: { gt: after } }) },
    orderBy: { id: 'asc' },
    take: limit + 1,
    select: { id: true, collectionId: true, title: true, author: true, dateText: true, sourceEdition: true, _count: { select: { works: true } } },
  });
  const page = pageOf(rows, limit, 'volumes', (row) => row.id);
  return { items: page.rows.map(({ _count, ...volume }) => ({ ...volume, workCount: _count.works })), nextCursor: page.nextCursor };
}

type VolumeRow = { id: string; collectionId: string; title: string; author: string; dateText: string; sourceEdition: string; works: { id: string; title: string; volumePosition: number | null; part: 'WORK' | 'FRONT_MATTER' | 'BACK_MATTER' }[] };

export function presentVolume({ works, ...volume }: VolumeRow): ApiVolume {
  return {
    ...volume,
    works: works.map((work) => ({ id: work.id, title: work.title, position: work.volumePosition ?? 0, part: work.part.toLowerCase() as ApiVolume['works'][number]['part'] })),
  };
}
