import type { NotificationPage } from '@/lib/notify/types';

import { getJson, postJson } from '../http/api-request';

/** The page of one's notifications after `before` (newest first). */
export function fetchNotifications(before: string) {
  return getJson<NotificationPage>('/api/notifications', { query: { before } });
}

/**
 * Marks the given notifications, or all of them, as read; answers the number still unread.
 * `keepalive`: the request outlives a page left by following the notification's link.
 */
export function markRead(target: { ids: string[] } | { all: true }) {
  return postJson<{ unreadCount: number }>('/api/notifications/read', target, { keepalive: true });
}
