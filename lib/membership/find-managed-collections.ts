import 'server-only';

import type { ManagedCollection } from './types';
import type { Actor } from '../auth/permissions';
import { collectionInScopeWhere } from '../auth/scope';
import { getDb, type Db } from '../db/client';

/**
 * The collections whose members `actor` may manage (all of them for site admins), each with its
 * editors and admins. Empty for everyone else: what one cannot manage is not listed.
 */
export async function findManagedCollections({ actor, db = getDb() }: { actor: Actor; db?: Db }): Promise<ManagedCollection[]> {
  const collections = await db.collection.findMany({
    where: collectionInScopeWhere(actor, 'collection.manageMembers'),
    orderBy: { title: 'asc' },
    select: {
      id: true,
      slug: true,
      title: true,
      members: {
        orderBy: { createdAt: 'asc' },
        select: { role: true, createdAt: true, grantedById: true, user: { select: { id: true, name: true, email: true } }, grantedBy: { select: { name: true } } },
      },
    },
  });
  return collections.map((collection) => ({
    id: collection.id,
    slug: collection.slug,
    title: collection.title,
    members: collection.members.map((member) => ({
      userId: member.user.id,
      name: member.user.name,
      email: member.user.email,
      role: member.role,
      grantedBy: member.grantedBy?.name ?? null,
      isSelfGranted: member.grantedById === member.user.id,
      since: member.createdAt.toISOString(),
    })),
  }));
}
