import { defineRoute } from '@/lib/http/route';
import { getReviewQueue, queueFilter } from '@/lib/review/review-queue';

/** One page of the review queue (oldest first), with word diffs; `next` is the cursor of the following page. */
export const GET = defineRoute({
  permission: 'suggestion.review',
  input: queueFilter,
  handler: async ({ actor, input }) => Response.json(await getReviewQueue({ actor, filter: input }), { headers: { 'cache-control': 'no-store' } }),
});
