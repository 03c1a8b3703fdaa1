import { z } from 'zod';

import { editorChunkRangeSchema } from '@/lib/editor/schemas';
import { defineRoute } from '@/lib/http/route';
import { getSuspectMarks } from '@/lib/proofread/get-suspect-marks';

/** The suspect words of the segments of a few editor chunks (`?chunk=3&count=2`, as the editor's rows are asked for), by segment. */
export const GET = defineRoute({
  permission: 'segment.edit',
  input: editorChunkRangeSchema.extend({ workId: z.string().uuid() }),
  handler: async ({ actor, input }) => Response.json(await getSuspectMarks({ actor, workId: input.workId, fromChunk: input.chunk, chunkCount: input.count }), { headers: { 'cache-control': 'no-store' } }),
});
