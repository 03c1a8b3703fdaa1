import { defineRoute } from '@/lib/http/route';
import { getOwnSuggestions, ownSuggestionsFilter } from '@/lib/review/own-suggestions';

/** The signed-in author's suggestions, newest first, with outcomes and reasons; `next` is the cursor of the following page. */
export const GET = defineRoute({
  permission: 'account.view',
  input: ownSuggestionsFilter,
  handler: async ({ actor, input }) => Response.json(await getOwnSuggestions({ actor, filter: input }), { headers: { 'cache-control': 'no-store' } }),
});
