import 'server-only';

import type { CollectionMemory } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

interface PairRow {
  collection_id: string;
  source_language: string;
  target_language: string;
  library: number;
  imported: number;
}

/**
 * A collection's translation memory as its exchange page shows it: the language pairs with their
 * library units (published translations of its works) and imported units, and the files imported
 * into it with their units. Same permission as downloading it (`memory.export`). Throws NOT_FOUND
 * (no such collection), FORBIDDEN.
 */
export async function getCollectionMemory({ actor, collectionId, db = getDb() }: { actor: Actor; collectionId: string; db?: Db }): Promise<CollectionMemory> {
  const collection = await db.collection.findUnique({ where: { id: collectionId }, select: { id: true } });
  if (!collection) throw new AppError('NOT_FOUND', 'collection.notFound');
  assertCan(actor, 'memory.export', { collectionId });
  return (await readCollectionMemories(db, [collectionId])).get(collectionId) ?? { pairs: [], files: [] };
}

/**
 * The memories of `collectionIds` (no permission asked: the callers check it), in two statements
 * whatever their number: the pairs (two aggregates, each on its own index — units by work,
 * imported units by collection) and the imported files.
 */
export async function readCollectionMemories(db: Db, collectionIds: readonly string[]): Promise<Map<string, CollectionMemory>> {
  const memories = new Map<string, CollectionMemory>(collectionIds.map((id) => [id, { pairs: [], files: [] }]));
  if (collectionIds.length === 0) return memories;
  const ids = [...collectionIds];
  const [pairs, files] = await Promise.all([
    db.$queryRaw<PairRow[]>`
      SELECT collection_id, source_language, target_language, sum(library)::int AS library, sum(imported)::int AS imported FROM (
        SELECT w.collection_id, m.source_language, m.target_language, count(*) AS library, 0 AS imported
          FROM work w JOIN memory_unit m ON m.work_id = w.id AND m.origin = 'LIBRARY'
         WHERE w.collection_id = ANY(${ids}::uuid[])
         GROUP BY 1, 2, 3
        UNION ALL
        SELECT m.collection_id, m.source_language, m.target_language, 0, count(*)
          FROM memory_unit m
         WHERE m.collection_id = ANY(${ids}::uuid[]) AND m.origin = 'IMPORTED'
         GROUP BY 1, 2, 3) x
       GROUP BY 1, 2, 3
       ORDER BY 2, 3`,
    db.memoryUnit.groupBy({
      by: ['collectionId', 'importedFile'],
      where: { collectionId: { in: ids }, origin: 'IMPORTED' },
      _count: { _all: true },
      orderBy: { importedFile: 'asc' },
    }),
  ]);
  for (const row of pairs) memories.get(row.collection_id)?.pairs.push({ sourceLanguage: row.source_language, targetLanguage: row.target_language, library: row.library, imported: row.imported });
  for (const file of files) if (file.collectionId) memories.get(file.collectionId)?.files.push({ name: file.importedFile ?? '', units: file._count._all });
  return memories;
}
