import { defineRoute } from '@/lib/http/route';
import { revertToRevision } from '@/lib/review/revision-history';
import { revertInput } from '@/lib/review/schemas';

/** Publishes an earlier revision again, as a new revision (compare-and-set on the one the editor saw). */
export const POST = defineRoute({
  permission: 'revision.revert',
  input: revertInput,
  handler: async ({ actor, input }) => Response.json(await revertToRevision({ actor, input }), { status: 201 }),
});
