import 'server-only';

import { can, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';

/**
 * How many of the actor's notifications are unread: one count on the (user_id, id) index, cheap
 * enough for every page's header. 0 for those who have no notifications (anonymous, the command line).
 */
export async function countUnreadNotifications({ actor, db = getDb() }: { actor: Actor; db?: Db }): Promise<number> {
  if (actor.kind !== 'user' || !can(actor, 'notification.read')) return 0;
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}
