import { z } from 'zod';

import { iterableStream } from '@/app/_lib/iterable-stream';
import { defineRoute } from '@/lib/http/route';
import { exportWorkJsonl } from '@/lib/reader/export-work-jsonl';


/** The whole work as JSON Lines, the work on the first line and then one segment per line, streamed as it is read from the database. */
export const GET = defineRoute({
  permission: 'work.export',
  input: z.object({ workId: z.string().min(1) }),
  handler: async ({ actor, input }) => {
    const lines = exportWorkJsonl({ actor, workId: input.workId });
    // Reading the first line before answering turns NOT_FOUND into a 404 instead of a broken stream.
    const first = await lines.next();
    return new Response(iterableStream(lines, first), {
      headers: {
        'content-type': 'application/x-ndjson; charset=utf-8',
        'content-disposition': `attachment; filename="work-${input.workId}.jsonl"`,
        'cache-control': 'no-store',
      },
    });
  },
});
