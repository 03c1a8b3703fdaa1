import { z } from 'zod';

import { defineRoute } from '@/lib/http/route';
import { confirmTranslation } from '@/lib/review/stale-translations';

/** Marks a stale translation as still valid for the source as published now. */
export const POST = defineRoute({
  permission: 'translation.confirm',
  input: z.object({ segmentId: z.string().uuid(), language: z.string().min(2).max(35) }),
  handler: async ({ actor, input }) => {
    await confirmTranslation({ actor, segmentId: input.segmentId, language: input.language });
    return Response.json({ ok: true });
  },
});
