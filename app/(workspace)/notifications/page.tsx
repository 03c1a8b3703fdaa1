import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { NotificationList } from '@/components/notifications/notification-list';
import { getActor } from '@/lib/auth/session';
import { findNotifications } from '@/lib/notify/find-notifications';

export const metadata: Metadata = { title: 'Notifications' };

/** One's notifications: replies, mentions and the outcomes of one's suggestions. */
export default async function NotificationsPage() {
  const actor = await getActor();
  if (actor.kind === 'anonymous') redirect('/sign-in?callbackUrl=/notifications');
  const page = await findNotifications({ actor });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Notifications</h1>
      <p className="mt-2 text-muted">Replies to discussions you took part in, mentions of you, and what reviewers decided about your suggestions.</p>
      <div className="mt-6">
        <NotificationList initialPage={page} />
      </div>
    </div>
  );
}
