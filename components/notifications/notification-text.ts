import { isCommentNotification, type NotificationItem } from '@/lib/notify/types';

import { REJECT_REASON_LABELS } from '../review/reject-reasons';

const REASONS: Record<string, string> = {
  NOT_IN_ORIGINAL: 'not in the original',
  TERMINOLOGY: 'terminology',
  MEANING: 'meaning',
  STYLE: 'style',
  OTHER: 'other',
};

/** What a notification says, in one sentence naming who did what where. */
export function notificationTitle(item: NotificationItem): string {
  const who = item.data.actor?.name ?? 'Someone';
  const where = `“${item.data.workTitle}”`;
  if (isCommentNotification(item)) {
    return item.type === 'comment.mention' ? `${who} mentioned you in a discussion of ${where}` : `${who} replied in a discussion of ${where}`;
  }
  switch (item.type) {
    case 'suggestion.approved': {
      const what = item.data.turnedDownCount ? 'part of your suggestion' : 'your suggestion';
      return item.data.status === 'APPROVED' ? `${who} approved ${what} for ${where}; it waits for a second reviewer` : `${who} approved ${what} for ${where}; it is published`;
    }
    case 'suggestion.validated':
      return `${who} validated your suggestion for ${where}; it is published`;
    case 'suggestion.rejected':
      return `${who} turned down your suggestion for ${where}`;
    default:
      return `News about ${where}`;
  }
}

/** The reviewer's reason and note of a rejection, as one line; empty for other notifications. */
export function rejectionDetail(item: NotificationItem): string {
  if (item.type !== 'suggestion.rejected') return '';
  const reason = REASONS[item.data.reason ?? ''] ?? item.data.reason ?? '';
  return [reason && `Reason: ${reason}.`, item.data.note].filter(Boolean).join(' ');
}

/** The changes a reviewer turned down while approving the rest (reasons as the author's suggestions page names them), and how many more the notification does not list. */
export function turnedDownChanges(item: NotificationItem): { changes: { excerpt: string; reason: string; note: string }[]; moreCount: number } {
  if (isCommentNotification(item) || !item.data.turnedDown) return { changes: [], moreCount: 0 };
  const listed = item.data.turnedDown;
  const labels: Readonly<Record<string, string | undefined>> = REJECT_REASON_LABELS;
  return {
    changes: listed.map((change) => ({ ...change, reason: labels[change.reason] ?? change.reason })),
    moreCount: Math.max(0, (item.data.turnedDownCount ?? listed.length) - listed.length),
  };
}
