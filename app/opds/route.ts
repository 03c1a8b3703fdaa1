import { z } from 'zod';

import { feedResponse, requestFeedOrigin } from '@/app/_lib/feed-response';
import { OPDS_NAVIGATION_TYPE } from '@/lib/feed/atom-writer';
import { getOpdsRoot } from '@/lib/feed/get-opds-root';
import { defineRoute } from '@/lib/http/route';

/** The OPDS catalogue's start (a navigation feed): what is new, and the collections. */
export const GET = defineRoute({
  permission: 'work.read',
  identify: false,
  input: z.object({}),
  handler: async ({ actor, request }) => feedResponse(await getOpdsRoot({ actor, origin: requestFeedOrigin(request) }), OPDS_NAVIGATION_TYPE),
});
