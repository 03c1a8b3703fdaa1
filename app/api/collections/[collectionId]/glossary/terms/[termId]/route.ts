import { deleteGlossaryTerm } from '@/lib/glossary/delete-glossary-term';
import { glossaryTermRefSchema, updateGlossaryTermSchema } from '@/lib/glossary/schemas';
import { updateGlossaryTerm } from '@/lib/glossary/update-glossary-term';
import { defineRoute } from '@/lib/http/route';

/** An editor changes a term: its text, details and translations (the body is the term as it is to be). */
export const PATCH = defineRoute({
  permission: 'glossary.manage',
  input: updateGlossaryTermSchema,
  handler: async ({ actor, input }) => Response.json(await updateGlossaryTerm({ actor, input })),
});

/** An editor deletes a term and its translations. */
export const DELETE = defineRoute({
  permission: 'glossary.manage',
  input: glossaryTermRefSchema,
  handler: async ({ actor, input }) => {
    await deleteGlossaryTerm({ actor, collectionId: input.collectionId, termId: input.termId });
    return new Response(null, { status: 204 });
  },
});
