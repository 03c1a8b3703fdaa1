import 'server-only';

import { countUnreadNotifications } from './count-unread-notifications';
import { safeParseNotification } from './notification-data';
import { notificationPageInput, type NotificationPageInput } from './schemas';
import type { NotificationItem, NotificationPage } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';
import { parseInput } from '../errors/parse-input';

/**
 * One page of the actor's own notifications, newest first (uuid v7 ids grow with time, so the id
 * is the keyset cursor), with the number still unread. UNAUTHENTICATED for anonymous actors.
 */
export async function findNotifications({ actor, input = {}, db = getDb() }: { actor: Actor; input?: NotificationPageInput; db?: Db }): Promise<NotificationPage> {
  assertCan(actor, 'notification.read');
  const { before, limit, unread } = parseInput(notificationPageInput, input);
  if (actor.kind !== 'user') return { items: [], next: null, unreadCount: 0 };
  const rows = await db.notification.findMany({
    where: { userId: actor.id, ...(before ? { id: { lt: before } } : {}), ...(unread ? { readAt: null } : {}) },
    orderBy: { id: 'desc' },
    take: limit + 1,
    select: { id: true, type: true, data: true, readAt: true, createdAt: true },
  });
  const page = rows.slice(0, limit);
  const items = page.flatMap((row): NotificationItem[] => {
    const parsed = safeParseNotification(row);
    // One damaged row must not hide the others: it is logged and left out of the list.
    if (!parsed.isReadable) {
      console.error(`[notify] notification ${row.id} (${row.type}) cannot be read: ${parsed.problem}`);
      return [];
    }
    return [{ id: row.id, ...parsed.notification, isRead: row.readAt !== null, createdAt: row.createdAt.toISOString() }];
  });
  return { items, next: rows.length > limit ? (page.at(-1)?.id ?? null) : null, unreadCount: await countUnreadNotifications({ actor, db }) };
}
