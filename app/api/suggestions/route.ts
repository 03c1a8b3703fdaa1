import { defineRoute } from '@/lib/http/route';
import { createSuggestion } from '@/lib/review/create-suggestion';
import { suggestionInput } from '@/lib/review/schemas';

/** Turns a draft into a suggestion (or, for editors with `publish`, publishes it directly). */
export const POST = defineRoute({
  permission: 'suggestion.create',
  input: suggestionInput,
  maxBodyBytes: 256 * 1024,
  handler: async ({ actor, input }) => Response.json(await createSuggestion({ actor, input }), { status: 201 }),
});
