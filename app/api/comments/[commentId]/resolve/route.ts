import { resolveThread } from '@/lib/discussion/resolve-thread';
import { commentRef } from '@/lib/discussion/schemas';
import { defineRoute } from '@/lib/http/route';

/** Resolves the thread the comment belongs to (its author, or a moderator). */
export const POST = defineRoute({
  permission: 'comment.create',
  input: commentRef,
  handler: async ({ actor, input }) => Response.json(await resolveThread({ actor, input })),
});
