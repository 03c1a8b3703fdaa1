import { z } from 'zod';

import { feedResponse, requestFeedOrigin } from '@/app/_lib/feed-response';
import { OPDS_ACQUISITION_TYPE } from '@/lib/feed/atom-writer';
import { getOpdsNew } from '@/lib/feed/get-opds-new';
import { defineRoute } from '@/lib/http/route';

/** The newest works with their downloads (an OPDS acquisition feed). */
export const GET = defineRoute({
  permission: 'work.read',
  identify: false,
  input: z.object({}),
  handler: async ({ actor, request }) => feedResponse(await getOpdsNew({ actor, origin: requestFeedOrigin(request) }), OPDS_ACQUISITION_TYPE),
});
