import 'server-only';

import type { ApiWork } from './schemas';
import type { Db, Prisma } from '../db/client';
import { countLanguageProgress } from '../reader/count-language-progress';

/** The columns of a work the public API shows. */
export const apiWorkSelect = {
  id: true, collectionId: true, slug: true, title: true, author: true, dateText: true, sourceLanguage: true, sourceEdition: true, provenance: true,
  licence: true, updatedAt: true, volumeId: true, volumePosition: true, part: true,
  volume: { select: { title: true } },
} as const;

export type ApiWorkRow = Prisma.WorkGetPayload<{ select: typeof apiWorkSelect }>;

/**
 * Works as the public API shows them: with their languages' provenance and progress and their
 * place in their volume (neighbours in printed order), in three queries for a whole page.
 */
export async function presentWorks(db: Db, rows: readonly ApiWorkRow[]): Promise<ApiWork[]> {
  const ids = rows.map((row) => row.id);
  const volumeIds = [...new Set(rows.flatMap((row) => (row.volumeId === null ? [] : [row.volumeId])))];
  const [progress, neighbours] = await Promise.all([
    countLanguageProgress({ db, workIds: ids }),
    volumeIds.length === 0
      ? Promise.resolve([])
      : db.$queryRaw<{ id: string; previous_id: string | null; next_id: string | null }[]>`
          SELECT id, previous_id, next_id FROM (
            SELECT id, lag(id) OVER place AS previous_id, lead(id) OVER place AS next_id
              FROM work WHERE volume_id = ANY(${volumeIds}::uuid[])
            WINDOW place AS (PARTITION BY volume_id ORDER BY volume_position)
          ) placed WHERE id = ANY(${ids}::uuid[])`,
  ]);
  const neighboursOf = new Map(neighbours.map((row) => [row.id, row]));
  return rows.map((row) => ({
    id: row.id,
    collectionId: row.collectionId,
    slug: row.slug,
    title: row.title,
    author: row.author,
    dateText: row.dateText,
    sourceLanguage: row.sourceLanguage,
    sourceEdition: row.sourceEdition,
    provenance: row.provenance,
    licence: row.licence,
    volume:
      row.volumeId === null || row.volumePosition === null
        ? null
        : {
            id: row.volumeId,
            title: row.volume?.title ?? '',
            position: row.volumePosition,
            part: row.part.toLowerCase() as 'work' | 'front_matter' | 'back_matter',
            previousId: neighboursOf.get(row.id)?.previous_id ?? null,
            nextId: neighboursOf.get(row.id)?.next_id ?? null,
          },
    languages: (progress.get(row.id) ?? []).map(({ approved, ...language }) => ({ ...language, published: approved })),
    updatedAt: row.updatedAt.toISOString(),
  }));
}
