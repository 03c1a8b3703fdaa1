import 'server-only';

import { countUnreadNotifications } from './count-unread-notifications';
import { markReadInput, type MarkReadInput } from './schemas';
import { assertCan, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';
import { parseInput } from '../errors/parse-input';

/**
 * Marks the given notifications, or all, of the actor as read. Ids of other people's
 * notifications change nothing (the update is scoped to the actor). Returns how many changed and
 * how many stay unread. UNAUTHENTICATED for anonymous actors.
 */
export async function markNotificationsRead({ actor, input, db = getDb() }: { actor: Actor; input: MarkReadInput; db?: Db }): Promise<{ updated: number; unreadCount: number }> {
  assertCan(actor, 'notification.read');
  const { ids } = parseInput(markReadInput, input);
  if (actor.kind !== 'user') return { updated: 0, unreadCount: 0 };
  const { count } = await db.notification.updateMany({ where: { userId: actor.id, readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: new Date() } });
  return { updated: count, unreadCount: await countUnreadNotifications({ actor, db }) };
}
