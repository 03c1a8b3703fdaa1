import { z } from 'zod';

import { feedResponse, requestFeedOrigin } from '@/app/_lib/feed-response';
import { OPDS_NAVIGATION_TYPE } from '@/lib/feed/atom-writer';
import { getOpdsCollection } from '@/lib/feed/get-opds-collection';
import { defineRoute } from '@/lib/http/route';

/** A collection in the OPDS catalogue: its volumes and its other works (a navigation feed). */
export const GET = defineRoute({
  permission: 'work.read',
  identify: false,
  input: z.object({ collectionId: z.string().min(1) }),
  handler: async ({ actor, request, input }) => feedResponse(await getOpdsCollection({ actor, origin: requestFeedOrigin(request), collectionId: input.collectionId }), OPDS_NAVIGATION_TYPE),
});
