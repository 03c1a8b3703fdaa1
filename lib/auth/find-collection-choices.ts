import 'server-only';

import type { Action, Actor } from './permissions';
import { collectionInScopeWhere } from './scope';
import { getDb, type Db } from '../db/client';

/** A collection as a choice in a filter or a form. */
export interface CollectionChoice {
  id: string;
  title: string;
}

export interface FindCollectionChoicesOptions {
  actor: Actor;
  /** What the chosen collection is for: only collections where the actor may do it are listed. */
  action: Action;
  db?: Db;
}

/**
 * The collections where `actor` may perform `action`, by title: the choices of the review queue's
 * filter, the import form and the audit log's filter. What the actor may not act on is not
 * listed; empty when that is everything. Throws nothing.
 */
export async function findCollectionChoices({ actor, action, db = getDb() }: FindCollectionChoicesOptions): Promise<CollectionChoice[]> {
  return db.collection.findMany({ where: collectionInScopeWhere(actor, action), orderBy: { title: 'asc' }, select: { id: true, title: true } });
}
