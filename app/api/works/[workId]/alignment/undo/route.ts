import { undoAlignmentEdit } from '@/lib/align/edit-alignment';
import { alignmentUndoSchema } from '@/lib/align/schemas';
import { defineRoute } from '@/lib/http/route';

/** Undoes an alignment edit or re-alignment. */
export const POST = defineRoute({
  permission: 'alignment.edit',
  input: alignmentUndoSchema,
  handler: async ({ actor, input }) => Response.json(await undoAlignmentEdit({ actor, ...input }), { status: 201 }),
});
