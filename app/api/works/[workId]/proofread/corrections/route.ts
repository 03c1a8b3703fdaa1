import { z } from 'zod';

import { defineRoute } from '@/lib/http/route';
import { proposeSuspectCorrection } from '@/lib/proofread/propose-suspect-correction';

/** Proposes the checker's correction of a suspect word as suggestions for the segments it stands in (or the one named). */
export const POST = defineRoute({
  permission: 'suggestion.create',
  input: z.object({ workId: z.string().uuid(), word: z.string().min(1).max(200), segmentId: z.string().uuid().optional() }),
  handler: async ({ actor, input }) => Response.json(await proposeSuspectCorrection({ actor, workId: input.workId, word: input.word, segmentId: input.segmentId })),
});
