import { z } from 'zod';

import { defineRoute } from '@/lib/http/route';
import { getStaleTranslations } from '@/lib/review/stale-translations';

/** Translations in one language (or of one segment) whose source was corrected since, with the source's diff since then. */
export const GET = defineRoute({
  permission: 'work.read',
  input: z.object({ workId: z.string().uuid(), lang: z.string().min(2).max(35), segmentId: z.string().uuid().optional() }),
  handler: async ({ actor, input }) => Response.json({ stale: await getStaleTranslations({ actor, workId: input.workId, language: input.lang, segmentId: input.segmentId }) }),
});
