import 'server-only';

import { readCollectionMemories } from './get-collection-memory';
import type { MemoryCollection } from './types';
import { findCollectionChoices } from '../auth/find-collection-choices';
import type { Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';

/**
 * The collections whose translation memory `actor` may import into (and download), by title, each
 * with its language pairs and imported files: the memory exchange page (three statements however
 * many collections). Empty for everyone else.
 */
export async function findMemoryCollections({ actor, db = getDb() }: { actor: Actor; db?: Db }): Promise<MemoryCollection[]> {
  const collections = await findCollectionChoices({ actor, action: 'memory.import', db });
  const memories = await readCollectionMemories(db, collections.map((collection) => collection.id));
  return collections.map((collection) => ({ ...collection, ...(memories.get(collection.id) ?? { pairs: [], files: [] }) }));
}
