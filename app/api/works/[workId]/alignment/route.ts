import { getAlignmentRows } from '@/lib/align/get-alignment-rows';
import { alignmentRowsQuerySchema } from '@/lib/align/schemas';
import { defineRoute } from '@/lib/http/route';

/** Rows of the alignment editor (`?lang=fr&after=…` or `&order=confidence`). */
export const GET = defineRoute({
  permission: 'alignment.edit',
  input: alignmentRowsQuerySchema,
  handler: async ({ actor, input }) => {
    const result = await getAlignmentRows({ actor, workId: input.workId, language: input.lang, after: input.after, isLeastConfidentFirst: input.order === 'confidence', limit: input.limit });
    return Response.json(result, { headers: { 'cache-control': 'no-store' } });
  },
});
