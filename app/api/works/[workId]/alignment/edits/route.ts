import { editAlignment } from '@/lib/align/edit-alignment';
import { alignmentEditSchema } from '@/lib/align/schemas';
import { defineRoute } from '@/lib/http/route';

/** Applies one hand correction (merge, split, shift up/down, unlink) to an alignment. */
export const POST = defineRoute({
  permission: 'alignment.edit',
  input: alignmentEditSchema,
  handler: async ({ actor, input }) => Response.json(await editAlignment({ actor, ...input }), { status: 201 }),
});
