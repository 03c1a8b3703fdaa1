import 'server-only';

import { loadCheckSettings } from './load-check-settings';
import type { CheckSettings } from './types';
import { findCollectionChoices } from '../auth/find-collection-choices';
import type { Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';

export interface CollectionCheckSettings {
  collection: { id: string; title: string };
  settings: CheckSettings;
}

/** The quality check settings of every collection the actor may configure (none for others), by title. */
export async function findCheckSettings({ actor, db = getDb() }: { actor: Actor; db?: Db }): Promise<CollectionCheckSettings[]> {
  const collections = await findCollectionChoices({ actor, action: 'check.configure', db });
  const settings = await loadCheckSettings(db, collections.map((collection) => collection.id));
  return collections.flatMap((collection) => {
    const found = settings.get(collection.id);
    return found ? [{ collection, settings: found }] : [];
  });
}
