import { z } from 'zod';

import { defineRoute } from '@/lib/http/route';
import { getWorkProgress } from '@/lib/progress/get-work-progress';

/** A work's progress per language (translated, proposed, approved, validated, stale) and per contributor. */
export const GET = defineRoute({
  permission: 'progress.view',
  input: z.object({ workId: z.string().uuid(), lang: z.string().min(2).max(35).optional() }),
  handler: async ({ actor, input }) => Response.json(await getWorkProgress({ actor, workId: input.workId, language: input.lang }), { headers: { 'cache-control': 'no-store' } }),
});
