import { findEditorRows } from '@/lib/editor/find-editor-rows';
import { editorRowsQuerySchema } from '@/lib/editor/schemas';
import { defineRoute } from '@/lib/http/route';

/** Rows of the segment editor for a few chunks (`?lang=fr&chunk=3&count=2`), loaded as it scrolls. */
export const GET = defineRoute({
  permission: 'work.read',
  input: editorRowsQuerySchema,
  handler: async ({ actor, input }) => {
    const result = await findEditorRows({ actor, workId: input.workId, language: input.lang, fromChunk: input.chunk, chunkCount: input.count });
    return Response.json(result, { headers: { 'cache-control': 'no-store' } });
  },
});
