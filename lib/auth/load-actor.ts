import 'server-only';

import { ANONYMOUS, type Actor, type CollectionRoleName } from './permissions';
import { getDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';

/**
 * Builds the actor for a user id; anonymous when the user is missing or disabled, or — given the
 * session version a session token carries — when that session has been ended since.
 */
export async function loadActor({ userId, sessionVersion, db = getDb() }: { userId: string; sessionVersion?: number; db?: Db }): Promise<Actor> {
  // A token from another installation may carry any string; only our UUIDs can match a row.
  if (!isUuid(userId)) return ANONYMOUS;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, siteRole: true, disabledAt: true, sessionVersion: true, interfaceLanguage: true, memberships: { select: { collectionId: true, role: true } } },
  });
  if (!user || user.disabledAt) return ANONYMOUS;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return ANONYMOUS;
  return {
    kind: 'user',
    id: user.id,
    email: user.email,
    name: user.name,
    isSiteAdmin: user.siteRole === 'ADMIN',
    sessionVersion: user.sessionVersion,
    interfaceLanguage: user.interfaceLanguage,
    memberships: new Map(user.memberships.map((m): [string, CollectionRoleName] => [m.collectionId, m.role])),
  };
}
