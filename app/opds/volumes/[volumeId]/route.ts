import { z } from 'zod';

import { feedResponse, requestFeedOrigin } from '@/app/_lib/feed-response';
import { OPDS_ACQUISITION_TYPE } from '@/lib/feed/atom-writer';
import { getOpdsVolume } from '@/lib/feed/get-opds-volume';
import { defineRoute } from '@/lib/http/route';

/** A volume in the OPDS catalogue: the whole volume and each of its works, with their downloads (an acquisition feed). */
export const GET = defineRoute({
  permission: 'work.read',
  identify: false,
  input: z.object({ volumeId: z.string().min(1) }),
  handler: async ({ actor, request, input }) => feedResponse(await getOpdsVolume({ actor, origin: requestFeedOrigin(request), volumeId: input.volumeId }), OPDS_ACQUISITION_TYPE),
});
