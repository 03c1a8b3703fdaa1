import 'server-only';

import type { CreateCollectionInput } from './schemas';
import { assertCan, type Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';
import { slugify } from '../library/slugify';
import { storeCollection } from '../library/store-collection';

/** Creates a collection (site admins) with its creator as its admin, audited. Throws FORBIDDEN, CONFLICT (same title exists). */
export async function createCollection({ actor, input, db = getDb() }: { actor: Actor; input: CreateCollectionInput; db?: Db }): Promise<{ id: string; slug: string }> {
  assertCan(actor, 'collection.create');
  const slug = slugify(input.title);
  return withTransaction(db, async (tx) => {
    if (await tx.collection.findUnique({ where: { slug }, select: { id: true } })) {
      throw new AppError('CONFLICT', 'membership.titleTaken', { values: { title: input.title }, details: { title: [fieldMessage('field.chooseAnotherTitle')] } });
    }
    const collection = await storeCollection({ db: tx, actor, slug, title: input.title, description: input.description });
    return { id: collection.id, slug: collection.slug };
  });
}
