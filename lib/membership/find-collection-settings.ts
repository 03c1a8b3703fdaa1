import 'server-only';

import { can, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';

export interface CollectionSettings {
  id: string;
  slug: string;
  title: string;
  reviewPolicy: 'SINGLE' | 'DOUBLE';
  allowSelfApproval: boolean;
  workCount: number;
}

/** One collection's settings page: null when it does not exist or `actor` may not manage it (the page says not found either way). */
export async function findCollectionSettings({ actor, collectionId, db = getDb() }: { actor: Actor; collectionId: string; db?: Db }): Promise<CollectionSettings | null> {
  if (!can(actor, 'collection.manageMembers', { collectionId })) return null;
  const row = await db.collection.findUnique({
    where: { id: collectionId },
    select: { id: true, slug: true, title: true, reviewPolicy: true, allowSelfApproval: true, _count: { select: { works: true } } },
  });
  return row ? { id: row.id, slug: row.slug, title: row.title, reviewPolicy: row.reviewPolicy, allowSelfApproval: row.allowSelfApproval, workCount: row._count.works } : null;
}
