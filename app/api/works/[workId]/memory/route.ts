import { defineRoute } from '@/lib/http/route';
import { findMemoryMatches } from '@/lib/memory/find-memory-matches';
import { memoryQuerySchema } from '@/lib/memory/schemas';

/** Translation memory for one segment being translated: the best exact and fuzzy matches, with percentage, diff and provenance. */
export const GET = defineRoute({
  permission: 'segment.edit',
  input: memoryQuerySchema,
  handler: async ({ actor, input }) => Response.json(await findMemoryMatches({ actor, input })),
});
