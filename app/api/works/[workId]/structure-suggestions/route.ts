import { defineRoute } from '@/lib/http/route';
import { proposeStructuralEdit } from '@/lib/structure/propose-structural-edit';
import { structuralEditRequest } from '@/lib/structure/schemas';

/** Proposes a structural edit of the work's source (split, merge, change of kind, paragraphs) for review: 201 with its preview. */
export const POST = defineRoute({
  permission: 'suggestion.create',
  input: structuralEditRequest,
  handler: async ({ actor, input: { workId, ...input } }) => Response.json(await proposeStructuralEdit({ actor, workId, input }), { status: 201 }),
});
