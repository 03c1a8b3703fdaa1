import { reopenThread } from '@/lib/discussion/resolve-thread';
import { commentRef } from '@/lib/discussion/schemas';
import { defineRoute } from '@/lib/http/route';

/** Opens the resolved thread the comment belongs to again (its author, or a moderator). */
export const POST = defineRoute({
  permission: 'comment.create',
  input: commentRef,
  handler: async ({ actor, input }) => Response.json(await reopenThread({ actor, input })),
});
