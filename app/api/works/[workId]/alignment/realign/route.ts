import { realignRange } from '@/lib/align/realign-range';
import { realignRangeSchema } from '@/lib/align/schemas';
import { defineRoute } from '@/lib/http/route';

/** Runs the aligner again on a range of segments. */
export const POST = defineRoute({
  permission: 'alignment.edit',
  input: realignRangeSchema,
  handler: async ({ actor, input }) => Response.json(await realignRange({ actor, ...input }), { status: 201 }),
});
