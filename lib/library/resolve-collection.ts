import 'server-only';

import { slugify } from './slugify';
import { storeCollection } from './store-collection';
import { assertCan, can, type Actor } from '../auth/permissions';
import type { Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';

/** A collection named by id, or by title (found by its slug or title, created when the actor may). */
export type CollectionRef = { id: string } | { title: string };

/**
 * The collection an operation targets. A title that matches no collection creates one when the
 * actor may create collections (audited, the actor its admin: see `storeCollection`); otherwise
 * NOT_FOUND.
 */
async function resolveCollection({ actor, ref, db }: { actor: Actor; ref: CollectionRef; db: Db }): Promise<{ id: string; title: string }> {
  if ('id' in ref) {
    const found = isUuid(ref.id) ? await db.collection.findUnique({ where: { id: ref.id }, select: { id: true, title: true } }) : null;
    if (!found) throw new AppError('NOT_FOUND', 'collection.notFoundThat');
    return found;
  }
  const title = ref.title.trim();
  if (!title) throw new AppError('INVALID_INPUT', 'collection.nameMissing');
  const slug = slugify(title);
  const found =
    (await db.collection.findUnique({ where: { slug }, select: { id: true, title: true } })) ??
    (await db.collection.findFirst({ where: { title: { equals: title, mode: 'insensitive' } }, select: { id: true, title: true } }));
  if (found) return found;
  if (!can(actor, 'collection.create')) throw new AppError('NOT_FOUND', 'collection.noSuchTitle', { values: { title } });
  const created = await storeCollection({ db, actor, slug, title, isImplicit: true });
  return { id: created.id, title: created.title };
}

/** The collection a work is imported into, once the actor may import there (UNAUTHENTICATED/FORBIDDEN otherwise). */
export async function resolveImportCollection({ actor, ref, db }: { actor: Actor; ref: CollectionRef; db: Db }): Promise<{ id: string; title: string }> {
  const collection = await resolveCollection({ actor, ref, db });
  assertCan(actor, 'work.import', { collectionId: collection.id });
  return collection;
}
