import { defineRoute } from '@/lib/http/route';
import { previewStructuralEdit } from '@/lib/structure/preview-structural-edit';
import { structuralEditRequest } from '@/lib/structure/schemas';

/** What a structural edit would do, before and after, without proposing it. */
export const POST = defineRoute({
  permission: 'suggestion.create',
  input: structuralEditRequest,
  handler: async ({ actor, input: { workId, ...input } }) => Response.json(await previewStructuralEdit({ actor, workId, input })),
});
