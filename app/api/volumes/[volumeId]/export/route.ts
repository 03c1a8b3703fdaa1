import { z } from 'zod';

import { downloadResponse } from '@/app/_lib/download-response';
import { DOWNLOAD_CONCURRENCY } from '@/lib/config/limits';
import { createDownload } from '@/lib/export/create-download';
import { downloadQuerySchema } from '@/lib/export/schemas';
import { defineRoute } from '@/lib/http/route';

/** A volume's works in printed order as one download: `?format=epub|html|txt|md`, `lang`, `with`, `layout`; streamed. */
export const GET = defineRoute({
  permission: 'work.export',
  concurrency: DOWNLOAD_CONCURRENCY,
  input: downloadQuerySchema.extend({ volumeId: z.string().min(1) }),
  handler: async ({ actor, input: { volumeId, ...query } }) => downloadResponse(await createDownload({ actor, target: { kind: 'volume', volumeId }, query })),
});
