import 'server-only';

import type { CollectionMemory } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

interface PairRow {
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
  if (!collection) throw new AppError('NOT_FOUND', 'This collection does not exist.');
  assertCan(actor, 'memory.export', { collectionId });
  // Two aggregates, each on its own index (units by work; imported units by collection).
  const pairs = await db.$queryRaw<PairRow[]>`
    SELECT source_language, target_language, sum(library)::int AS library, sum(imported)::int AS imported FROM (
      SELECT m.source_language, m.target_language, count(*) AS library, 0 AS imported
        FROM work w JOIN memory_unit m ON m.work_id = w.id AND m.origin = 'LIBRARY'
       WHERE w.collection_id = ${collectionId}::uuid
       GROUP BY 1, 2
      UNION ALL
      SELECT m.source_language, m.target_language, 0, count(*)
        FROM memory_unit m
       WHERE m.collection_id = ${collectionId}::uuid AND m.origin = 'IMPORTED'
       GROUP BY 1, 2) x
     GROUP BY 1, 2
     ORDER BY 1, 2`;
  const files = await db.memoryUnit.groupBy({
    by: ['importedFile'],
    where: { collectionId, origin: 'IMPORTED' },
    _count: { _all: true },
    orderBy: { importedFile: 'asc' },
  });
  return {
    pairs: pairs.map((row) => ({ sourceLanguage: row.source_language, targetLanguage: row.target_language, library: row.library, imported: row.imported })),
    files: files.map((file) => ({ name: file.importedFile ?? '', units: file._count._all })),
  };
}
