import { z } from 'zod';

import { defineRoute } from '@/lib/http/route';
import { getSuspectMarks } from '@/lib/proofread/get-suspect-marks';
import { MAX_MARK_CHUNKS } from '@/lib/proofread/suspect-mark';

/** The suspect words of the segments of a few editor chunks (`?chunk=3&count=2`), by segment. */
export const GET = defineRoute({
  permission: 'segment.edit',
  input: z.object({ workId: z.string().uuid(), chunk: z.coerce.number().int().min(0).max(1_000_000), count: z.coerce.number().int().min(1).max(MAX_MARK_CHUNKS).default(1) }),
  handler: async ({ actor, input }) => Response.json(await getSuspectMarks({ actor, workId: input.workId, fromChunk: input.chunk, chunkCount: input.count }), { headers: { 'cache-control': 'no-store' } }),
});
