/**
 * Notifications as the list shows them. Pure: shared by the server, which writes and reads them,
 * and the components that render them.
 */

/** What a notification tells its reader. */
export const NOTIFICATION_TYPES = ['comment.reply', 'comment.mention', 'suggestion.approved', 'suggestion.validated', 'suggestion.rejected'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** Who caused it (their name at that moment); null when the account is gone or it was the command line. */
export interface NotificationActor {
  id: string;
  name: string;
}

/** Data of `comment.reply` (a reply in a thread one took part in) and `comment.mention`. */
export interface CommentNotificationData {
  commentId: string;
  threadId: string;
  segmentId: string;
  workId: string;
  workTitle: string;
  /** The language the discussion is about; null for the segment as a whole. */
  language: string | null;
  actor: NotificationActor | null;
  /** The comment as plain text, cut to one line. */
  excerpt: string;
}

/**
 * Data of the outcomes of one's suggestion: `suggestion.approved` (published at once, or waiting
 * for a second reviewer when `status` is APPROVED), `suggestion.validated` (published after the
 * second review) and `suggestion.rejected` (with the reason and the reviewer's note).
 */
export interface SuggestionNotificationData {
  suggestionId: string;
  segmentId: string;
  workId: string;
  workTitle: string;
  language: string;
  actor: NotificationActor | null;
  status: 'APPROVED' | 'PUBLISHED' | 'REJECTED';
  /** The suggested text, cut to one line. */
  excerpt: string;
  reason?: string;
  note?: string;
}

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
