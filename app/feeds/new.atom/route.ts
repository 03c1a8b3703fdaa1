import { z } from 'zod';

import { feedResponse, requestFeedOrigin } from '@/app/_lib/feed-response';
import { ATOM_TYPE } from '@/lib/feed/atom-writer';
import { getNewPublicationsFeed } from '@/lib/feed/get-new-publications-feed';
import { defineRoute } from '@/lib/http/route';

/** The Atom feed of new works and translations, for feed readers. */
export const GET = defineRoute({
  permission: 'work.read',
  identify: false,
  input: z.object({}),
  handler: async ({ actor, request }) => feedResponse(await getNewPublicationsFeed({ actor, origin: requestFeedOrigin(request) }), `${ATOM_TYPE}; charset=utf-8`),
});
