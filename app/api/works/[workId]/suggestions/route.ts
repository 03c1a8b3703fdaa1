import { z } from 'zod';

import { defineRoute } from '@/lib/http/route';
import { submitDoneDrafts } from '@/lib/review/submit-drafts';

/** Turns every draft of the work in one language that is marked done into a suggestion by the caller. */
export const POST = defineRoute({
  permission: 'suggestion.create',
  input: z.object({ workId: z.string().uuid(), language: z.string().min(2).max(35) }),
  handler: async ({ actor, input }) => Response.json(await submitDoneDrafts({ actor, workId: input.workId, language: input.language })),
});
