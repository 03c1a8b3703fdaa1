import { z } from 'zod';

import { MAX_PROOFREAD_PAGE } from '@/lib/config/limits';
import { defineRoute } from '@/lib/http/route';
import { getWorkSuspects } from '@/lib/proofread/get-work-suspects';

/** A page of the work's suspected OCR errors, most frequent first (`?offset=0&limit=50`). */
export const GET = defineRoute({
  permission: 'segment.edit',
  input: z.object({ workId: z.string().uuid(), offset: z.coerce.number().int().min(0).max(1_000_000).default(0), limit: z.coerce.number().int().min(1).max(MAX_PROOFREAD_PAGE).default(50) }),
  handler: async ({ actor, input }) => Response.json(await getWorkSuspects({ actor, workId: input.workId, offset: input.offset, limit: input.limit }), { headers: { 'cache-control': 'no-store' } }),
});
