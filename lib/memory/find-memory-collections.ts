import 'server-only';

import { getCollectionMemory } from './get-collection-memory';
import type { MemoryCollection } from './types';
import { findCollectionChoices } from '../auth/find-collection-choices';
import type { Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';

/**
 * The collections whose translation memory `actor` may import into (and download), by title, each
 * with its language pairs and imported files: the memory exchange page. Empty for everyone else.
 */
export async function findMemoryCollections({ actor, db = getDb() }: { actor: Actor; db?: Db }): Promise<MemoryCollection[]> {
  const collections = await findCollectionChoices({ actor, action: 'memory.import', db });
  const memories: MemoryCollection[] = [];
  for (const collection of collections) memories.push({ ...collection, ...(await getCollectionMemory({ actor, collectionId: collection.id, db })) });
  return memories;
}
