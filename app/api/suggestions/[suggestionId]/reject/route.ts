import { defineRoute } from '@/lib/http/route';
import { rejectSuggestion } from '@/lib/review/decide-suggestion';
import { rejectInput } from '@/lib/review/schemas';

/** Rejects a suggestion with a reason (and a note, required for “other”). */
export const POST = defineRoute({
  permission: 'suggestion.review',
  input: rejectInput,
  handler: async ({ actor, input }) => {
    await rejectSuggestion({ actor, input });
    return Response.json({ ok: true });
  },
});
