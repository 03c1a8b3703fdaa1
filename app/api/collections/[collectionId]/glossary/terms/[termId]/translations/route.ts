import { proposeGlossaryTranslation } from '@/lib/glossary/propose-glossary-translation';
import { proposeGlossaryTranslationSchema } from '@/lib/glossary/schemas';
import { defineRoute } from '@/lib/http/route';

/** A volunteer proposes another translation of an approved term, for an editor to decide on. */
export const POST = defineRoute({
  permission: 'glossary.propose',
  input: proposeGlossaryTranslationSchema,
  handler: async ({ actor, input }) => Response.json(await proposeGlossaryTranslation({ actor, input }), { status: 201 }),
});
