'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

import { notificationHref, type NotificationItem, type NotificationPage } from '@/lib/notify/types';

import { notificationTitle, rejectionDetail, turnedDownChanges } from './notification-text';
import { fetchNotifications, markRead } from './notifications-api';
import { LocalTime } from '../discussion/local-time';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';

/**
 * One's notifications, newest first, unread ones marked: following one marks it read, and all can
 * be marked read at once. The header's badge is refreshed after each change.
 */
export function NotificationList({ initialPage }: { initialPage: NotificationPage }) {
  const t = useTranslations('notifications');
  const reasons = useTranslations('rejectReasons');
  const router = useRouter();
  const [items, setItems] = useState<NotificationItem[]>(initialPage.items);
  const [next, setNext] = useState(initialPage.next);
  const [unread, setUnread] = useState(initialPage.unreadCount);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  /** Resolves to the error message, or null once the server has marked them. */
  const markAsRead = async (ids: string[] | 'all'): Promise<string | null> => {
    setItems((current) => current.map((item) => (ids === 'all' || ids.includes(item.id) ? { ...item, isRead: true } : item)));
    const result = await markRead(ids === 'all' ? { all: true } : { ids });
    if (!result.ok) return result.error.message;
    setUnread(result.data.unreadCount);
    router.refresh();
    return null;
  };

  const run = async (task: () => Promise<string | null>) => {
    setIsBusy(true);
    setError(null);
    try {
      setError(await task());
    } finally {
      setIsBusy(false);
    }
  };

  const loadMore = () =>
    run(async () => {
      if (!next) return null;
      const result = await fetchNotifications(next);
      if (!result.ok) return result.error.message;
      const page = result.data;
      setItems((current) => [...current, ...page.items]);
      setNext(page.next);
      setUnread(page.unreadCount);
      return null;
    });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted" role="status">
          {t('unreadCount', { count: unread })}
        </p>
        {unread > 0 && (
          <Button variant="secondary" size="sm" disabled={isBusy} onClick={() => void run(() => markAsRead('all'))}>
            {t('markAllRead')}
          </Button>
        )}
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line-strong px-4 py-8 text-center text-sm text-muted">
          {t('empty')}
        </p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-surface shadow-xs">
          {items.map((item) => (
            <li key={item.id} data-notification={item.id} data-read={item.isRead} className={cn('flex gap-3 px-4 py-3', !item.isRead && 'bg-accent-50/60')}>
              <span aria-hidden="true" className={cn('mt-2 size-2 shrink-0 rounded-full', item.isRead ? 'bg-transparent' : 'bg-accent-600')} />
              <div className="min-w-0 flex-1">
                <a
                  href={notificationHref(item)}
                  onClick={() => {
                    // The page is being left: a failure has nowhere to be shown.
                    if (!item.isRead) void markAsRead([item.id]);
                  }}
                  className="font-medium text-ink hover:text-accent-700 hover:underline"
                >
                  {notificationTitle(item, t)}
                  {!item.isRead && <span className="sr-only"> {t('unreadMark')}</span>}
                </a>
                {item.data.excerpt && <p className="mt-0.5 truncate text-sm text-ink-soft">{item.data.excerpt}</p>}
                {rejectionDetail(item, t, reasons) && <p className="mt-0.5 text-sm text-ink-soft">{rejectionDetail(item, t, reasons)}</p>}
                <TurnedDownList item={item} />
                <p className="mt-0.5 text-xs text-muted">
                  <LocalTime iso={item.createdAt} />
                </p>
              </div>
              {!item.isRead && (
                <Button variant="ghost" size="sm" className="h-7 shrink-0 px-2 text-xs" disabled={isBusy} onClick={() => void run(() => markAsRead([item.id]))} aria-label={t('markReadLabel', { title: notificationTitle(item, t) })}>
                  {t('markRead')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {next && (
        <Button variant="secondary" size="sm" disabled={isBusy} onClick={() => void loadMore()}>
          {t('showOlder')}
        </Button>
      )}
    </div>
  );
}

/** The changes of a partly approved suggestion that were turned down, each with its reason and note. */
function TurnedDownList({ item }: { item: NotificationItem }) {
  const t = useTranslations('notifications');
  const { changes, moreCount } = turnedDownChanges(item, useTranslations('rejectReasons'));
  if (changes.length === 0) return null;
  return (
    <>
      <ul aria-label={t('turnedDown')} className="mt-1 space-y-0.5 text-sm text-ink-soft">
        {changes.map((change, index) => (
          <li key={index}>
            <span className="font-serif">{change.excerpt}</span> — {change.reason}
            {change.note ? `: ${change.note}` : ''}
          </li>
        ))}
      </ul>
      {moreCount > 0 && (
        <p className="mt-0.5 text-sm text-ink-soft">
          {t.rich('andMore', {
            count: moreCount,
            link: (chunks) => (
              <a href="/suggestions" className="text-accent-700 hover:underline">
                {chunks}
              </a>
            ),
          })}
        </p>
      )}
    </>
  );
}
