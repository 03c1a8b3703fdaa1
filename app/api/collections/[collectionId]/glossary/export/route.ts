import { iterableStream } from '@/app/_lib/iterable-stream';
import { exportGlossary } from '@/lib/glossary/export-glossary';
import { glossaryExportQuerySchema } from '@/lib/glossary/schemas';
import { defineRoute } from '@/lib/http/route';

/** The collection's glossary for `source` → `target` as a TBX-Basic file (`format=tbx`, the default) or CSV (`format=csv`), streamed as it is read. */
export const GET = defineRoute({
  permission: 'glossary.read',
  input: glossaryExportQuerySchema,
  handler: async ({ actor, input }) => {
    // Checks run here, before the first byte: NOT_FOUND is a proper error response.
    const { fileName, contentType, chunks } = await exportGlossary({ actor, input });
    return new Response(iterableStream(chunks, await chunks.next()), {
      headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${fileName}"`, 'cache-control': 'no-store' },
    });
  },
});
