import { iterableStream } from '@/app/_lib/iterable-stream';
import { defineRoute } from '@/lib/http/route';
import { exportMemoryTmx } from '@/lib/memory/export-memory-tmx';
import { memoryExportQuerySchema } from '@/lib/memory/schemas';

/** The collection's translation memory for `source` → `target` as a TMX 1.4b file, streamed as it is read. */
export const GET = defineRoute({
  permission: 'memory.export',
  input: memoryExportQuerySchema,
  handler: async ({ actor, input }) => {
    // Checks run here, before the first byte: NOT_FOUND and FORBIDDEN are proper error responses.
    const { fileName, chunks } = await exportMemoryTmx({ actor, input });
    return new Response(iterableStream(chunks, await chunks.next()), {
      headers: {
        'content-type': 'application/x-tmx+xml; charset=utf-8',
        'content-disposition': `attachment; filename="${fileName}"`,
        'cache-control': 'no-store',
      },
    });
  },
});
