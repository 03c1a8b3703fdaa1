import { z } from 'zod';

import { defineRoute } from '@/lib/http/route';
import { getRevisionHistory } from '@/lib/review/revision-history';

/** Every revision of a segment's text in one language, newest first, with diffs to the previous one. */
export const GET = defineRoute({
  permission: 'work.read',
  input: z.object({ segmentId: z.string().uuid(), lang: z.string().min(2).max(35) }),
  handler: async ({ actor, input }) => Response.json({ revisions: await getRevisionHistory({ actor, segmentId: input.segmentId, language: input.lang }) }),
});
