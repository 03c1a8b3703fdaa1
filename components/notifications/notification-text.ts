import type { useTranslations } from 'next-intl';

import { isCommentNotification, type NotificationItem } from '@/lib/notify/types';
import { REJECT_REASONS, type RejectReasonCode } from '@/lib/review/schemas';

/** The notifications' messages (`useTranslations('notifications')`). */
type NotificationTranslator = ReturnType<typeof useTranslations<'notifications'>>;
/** The reasons for turning a change down (`useTranslations('rejectReasons')`). */
type ReasonTranslator = ReturnType<typeof useTranslations<'rejectReasons'>>;

const REASON_CODES: ReadonlySet<string> = new Set(REJECT_REASONS);

/** A reviewer's reason in the reader's language; an unknown code as it is. */
function reasonName(code: string, reasons: ReasonTranslator): string {
  return REASON_CODES.has(code) ? reasons(code as RejectReasonCode) : code;
}

/** What a notification says, in one sentence naming who did what where. */
export function notificationTitle(item: NotificationItem, t: NotificationTranslator): string {
  const values = { who: item.data.actor?.name ?? t('someone'), work: item.data.workTitle };
  if (isCommentNotification(item)) return t(item.type === 'comment.mention' ? 'mention' : 'reply', values);
  switch (item.type) {
    case 'suggestion.approved':
      return t(item.data.status === 'APPROVED' ? 'approvedWaiting' : 'approvedPublished', { ...values, part: item.data.turnedDownCount ? 'yes' : 'no' });
    case 'suggestion.validated':
      return t('validated', values);
    case 'suggestion.rejected':
      return t('rejected', values);
    default:
      return t('other', values);
  }
}

/** The reviewer's reason and note of a rejection, as one line; empty for other notifications. */
export function rejectionDetail(item: NotificationItem, t: NotificationTranslator, reasons: ReasonTranslator): string {
  if (item.type !== 'suggestion.rejected') return '';
  const reason = item.data.reason ? reasonName(item.data.reason, reasons).toLocaleLowerCase() : '';
  return [reason && t('reason', { reason }), item.data.note].filter(Boolean).join(' ');
}

/** The changes a reviewer turned down while approving the rest (reasons as the author's suggestions page names them), and how many more the notification does not list. */
export function turnedDownChanges(item: NotificationItem, reasons: ReasonTranslator): { changes: { excerpt: string; reason: string; note: string }[]; moreCount: number } {
  if (isCommentNotification(item) || !item.data.turnedDown) return { changes: [], moreCount: 0 };
  const listed = item.data.turnedDown;
  return {
    changes: listed.map((change) => ({ ...change, reason: reasonName(change.reason, reasons) })),
    moreCount: Math.max(0, (item.data.turnedDownCount ?? listed.length) - listed.length),
  };
}
