import { z } from 'zod';

import { feedResponse, requestFeedOrigin } from '@/app/_lib/feed-response';
import { OPDS_ACQUISITION_TYPE } from '@/lib/feed/atom-writer';
import { getOpdsCollectionWorks } from '@/lib/feed/get-opds-collection-works';
import { defineRoute } from '@/lib/http/route';

/** A collection's works outside a volume, by title, with their downloads (an OPDS acquisition feed, in pages). */
export const GET = defineRoute({
  permission: 'work.read',
  identify: false,
  input: z.object({ collectionId: z.string().min(1), page: z.coerce.number().int().min(1).max(10_000).default(1) }),
  handler: async ({ actor, request, input }) => feedResponse(await getOpdsCollectionWorks({ actor, origin: requestFeedOrigin(request), collectionId: input.collectionId, page: input.page }), OPDS_ACQUISITION_TYPE),
});
