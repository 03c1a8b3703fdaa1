/**
 * Notifications as the list shows them. Pure: shared by the server, which writes and reads them,
 * and the components that render them.
 */

import type { CommentNotificationData, SuggestionNotificationData } from './notification-data';

export type { CommentNotificationData, SuggestionNotificationData } from './notification-data';

export interface CommentNotification {
  id: string;
  type: 'comment.reply' | 'comment.mention';
  data: CommentNotificationData;
  isRead: boolean;
  createdAt: string;
}

export interface SuggestionNotification {
  id: string;
  type: 'suggestion.approved' | 'suggestion.validated' | 'suggestion.rejected';
  data: SuggestionNotificationData;
  isRead: boolean;
  createdAt: string;
}

export type NotificationItem = CommentNotification | SuggestionNotification;

export function isCommentNotification(item: NotificationItem): item is CommentNotification {
  return item.type === 'comment.reply' || item.type === 'comment.mention';
}

/** One page of one's notifications, newest first; `next` is the cursor of the following page. */
export interface NotificationPage {
  items: NotificationItem[];
  next: string | null;
  unreadCount: number;
}

/** Where a notification leads: the discussion of its segment, at the comment when there is one. */
export function notificationHref(item: NotificationItem): string {
  const base = `/s/${item.data.segmentId}/discussion`;
  if (isCommentNotification(item)) {
    const query = item.data.language ? `?lang=${encodeURIComponent(item.data.language)}` : '';
    return `${base}${query}#comment-${item.data.commentId}`;
  }
  return `${base}?lang=${encodeURIComponent(item.data.language)}`;
}
