import { findGlossaryEntries } from '@/lib/glossary/find-glossary-entries';
import { glossaryListQuerySchema } from '@/lib/glossary/schemas';
import { defineRoute } from '@/lib/http/route';

/** A page of a collection's glossary for a language pair (`?source=ru&target=en`), searched and filtered (`q`, `status`, `partOfSpeech`, `page`). */
export const GET = defineRoute({
  permission: 'glossary.read',
  input: glossaryListQuerySchema,
  handler: async ({ actor, input }) => Response.json(await findGlossaryEntries({ actor, input })),
});
