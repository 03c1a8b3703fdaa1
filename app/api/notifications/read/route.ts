import { defineRoute } from '@/lib/http/route';
import { markNotificationsRead } from '@/lib/notify/mark-notifications-read';
import { markReadInput } from '@/lib/notify/schemas';

/** Marks some (`ids`) or all (`all: true`) of one's notifications as read. */
export const POST = defineRoute({
  permission: 'notification.read',
  input: markReadInput,
  handler: async ({ actor, input }) => Response.json(await markNotificationsRead({ actor, input })),
});
