import 'server-only';

import type { CreateCollectionInput } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertCan, type Actor, actorUserId } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { slugify } from '../library/slugify';

/** Creates a collection (site admins), audited. Throws FORBIDDEN, CONFLICT (same title exists). */
export async function createCollection({ actor, input, db = getDb() }: { actor: Actor; input: CreateCollectionInput; db?: Db }): Promise<{ id: string; slug: string }> {
  assertCan(actor, 'collection.create');
  const slug = slugify(input.title);
  return withTransaction(db, async (tx) => {
    if (await tx.collection.findUnique({ where: { slug }, select: { id: true } })) {
      throw new AppError('CONFLICT', `A collection called “${input.title}” already exists.`, { title: ['Choose another title.'] });
    }
    const collection = await tx.collection.create({ data: { slug, title: input.title, description: input.description }, select: { id: true, slug: true } });
    await recordAuditEvent({ db: tx, type: 'collection.created', actorId: actorUserId(actor), collectionId: collection.id, data: { title: input.title } });
    return collection;
  });
}
