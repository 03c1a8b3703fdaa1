import 'server-only';

import { countUnreadNotifications } from './count-unread-notifications';
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
  const items = page.map((row) => ({ id: row.id, type: row.type, data: row.data, isRead: row.readAt !== null, createdAt: row.createdAt.toISOString() }) as unknown as NotificationItem);
  return { items, next: rows.length > limit ? (page.at(-1)?.id ?? null) : null, unreadCount: await countUnreadNotifications({ actor, db }) };
}
