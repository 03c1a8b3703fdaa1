import { defineRoute } from '@/lib/http/route';
import { findNotifications } from '@/lib/notify/find-notifications';
import { notificationPageInput } from '@/lib/notify/schemas';

/** One page of one's own notifications, newest first, with the unread count (`before` is the cursor). */
export const GET = defineRoute({
  permission: 'notification.read',
  input: notificationPageInput,
  handler: async ({ actor, input }) => Response.json(await findNotifications({ actor, input }), { headers: { 'cache-control': 'no-store' } }),
});
