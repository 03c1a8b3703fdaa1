import { createGlossaryTerm } from '@/lib/glossary/create-glossary-term';
import { createGlossaryTermSchema } from '@/lib/glossary/schemas';
import { defineRoute } from '@/lib/http/route';

/** An editor adds a term with its translations to the collection's glossary, approved at once. */
export const POST = defineRoute({
  permission: 'glossary.manage',
  input: createGlossaryTermSchema,
  handler: async ({ actor, input }) => Response.json(await createGlossaryTerm({ actor, input }), { status: 201 }),
});
