import { findMentionableUsers } from '@/lib/discussion/find-mentionable-users';
import { mentionableInput } from '@/lib/discussion/schemas';
import { defineRoute } from '@/lib/http/route';

/** People who can be mentioned in the segment's discussion whose name contains `q` (names only). */
export const GET = defineRoute({
  permission: 'comment.create',
  input: mentionableInput,
  handler: async ({ actor, input }) => Response.json({ users: await findMentionableUsers({ actor, segmentId: input.segmentId, q: input.q }) }, { headers: { 'cache-control': 'no-store' } }),
});
