import 'server-only';

import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, type Actor } from '../auth/permissions';
import type { Db } from '../db/client';

export interface StoreCollectionOptions {
  /** The transaction of the operation that creates the collection. */
  db: Db;
  /** Who creates it, already allowed to (`collection.create`). */
  actor: Actor;
  slug: string;
  title: string;
  description?: string;
  /** Created on the way by another operation (an import into a collection named by a new title). */
  isImplicit?: boolean;
}

/**
 * Writes a new collection with its `collection.created` audit event, and makes the account that
 * created it the collection's admin (a membership granted by itself, audited as an implicit
 * `role.granted`): the collection then has someone to list as its admin, to mention in its
 * discussions and to manage its members even if that account stops being a site admin. The
 * command line creates collections with no admin. Callers check the permission and the unique
 * title first.
 */
export async function storeCollection({ db, actor, slug, title, description = '', isImplicit = false }: StoreCollectionOptions): Promise<{ id: string; slug: string; title: string }> {
  const creatorId = actorUserId(actor);
  const collection = await db.collection.create({ data: { slug, title, description }, select: { id: true, slug: true, title: true } });
  await recordAuditEvent({ db, type: 'collection.created', actorId: creatorId, collectionId: collection.id, implicit: isImplicit, data: { title } });
  if (creatorId) {
    await db.collectionMember.create({ data: { collectionId: collection.id, userId: creatorId, role: 'ADMIN', grantedById: creatorId } });
    await recordAuditEvent({ db, type: 'role.granted', actorId: creatorId, collectionId: collection.id, implicit: true, data: { userId: creatorId, role: 'ADMIN', previousRole: null } });
  }
  return collection;
}
