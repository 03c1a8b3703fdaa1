import { isAppErrorBody } from '@/lib/errors/app-error';
import type { NotificationPage } from '@/lib/notify/types';

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', ...init });
  } catch {
    throw new Error('The server could not be reached. Check your connection and try again.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(isAppErrorBody(body) ? body.error.message : `The server answered ${response.status}. Please try again.`);
  return body as T;
}

/** The page of one's notifications after `before` (newest first). */
export function fetchNotifications(before: string): Promise<NotificationPage> {
  return request(`/api/notifications?before=${encodeURIComponent(before)}`);
}

/**
 * Marks the given notifications, or all of them, as read; resolves to the number still unread.
 * `keepalive`: the request outlives a page left by following the notification's link.
 */
export async function markRead(target: { ids: string[] } | { all: true }): Promise<number> {
  const result = await request<{ unreadCount: number }>('/api/notifications/read', { method: 'POST', keepalive: true, headers: { 'content-type': 'application/json' }, body: JSON.stringify(target) });
  return result.unreadCount;
}
