import { z } from 'zod';

import { downloadResponse } from '@/app/_lib/download-response';
import { DOWNLOAD_CONCURRENCY } from '@/lib/config/limits';
import { createDownload } from '@/lib/export/create-download';
import { downloadQuerySchema } from '@/lib/export/schemas';
import { defineRoute } from '@/lib/http/route';

/**
 * The work to download: `?format=epub|html|txt|md|jsonl` (JSON Lines when absent), `lang`,
 * `with` (a second language) and `layout`; streamed as it is written. An unknown format is a 400.
 */
export const GET = defineRoute({
  permission: 'work.export',
  concurrency: DOWNLOAD_CONCURRENCY,
  input: downloadQuerySchema.extend({ workId: z.string().min(1) }),
  handler: async ({ actor, input: { workId, ...query } }) => downloadResponse(await createDownload({ actor, target: { kind: 'work', workId }, query })),
});
