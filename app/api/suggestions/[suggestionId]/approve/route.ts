import { defineRoute } from '@/lib/http/route';
import { approveSuggestion } from '@/lib/review/decide-suggestion';
import { approvalInput } from '@/lib/review/schemas';

/** Approves a suggestion (publishing it, or recording the first of two approvals). 409 STALE_BASE carries the conflict. */
export const POST = defineRoute({
  permission: 'suggestion.review',
  input: approvalInput,
  maxBodyBytes: 256 * 1024,
  handler: async ({ actor, input }) => Response.json(await approveSuggestion({ actor, input })),
});
