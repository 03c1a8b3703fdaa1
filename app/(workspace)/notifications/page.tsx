import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { NotificationList } from '@/components/notifications/notification-list';
import { getActor } from '@/lib/auth/session';
import { findNotifications } from '@/lib/notify/find-notifications';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notifications'))('title') };
}

/** One's notifications: replies, mentions and the outcomes of one's suggestions. */
export default async function NotificationsPage() {
  const actor = await getActor();
  if (actor.kind === 'anonymous') redirect('/sign-in?callbackUrl=/notifications');
  const [page, t] = await Promise.all([findNotifications({ actor }), getTranslations('notifications')]);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('intro')}</p>
      <div className="mt-6">
        <NotificationList initialPage={page} />
      </div>
    </div>
  );
}
