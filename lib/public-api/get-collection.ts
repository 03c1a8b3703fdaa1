import 'server-only';

import { presentCollection } from './list-collections';
import type { ApiCollection } from './schemas';
import { getReadDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';

/** One collection by id. Throws NOT_FOUND. */
export async function getApiCollection({ collectionId, db = getReadDb() }: { collectionId: string; db?: Db }): Promise<ApiCollection> {
  const row = isUuid(collectionId)
    ? await db.collection.findUnique({ where: { id: collectionId }, select: { id: true, slug: true, title: true, description: true, _count: { select: { volumes: true, works: true } } } })
    : null;
  if (!row) throw new AppError('NOT_FOUND', 'collection.notFound');
  return presentCollection(row);
}
