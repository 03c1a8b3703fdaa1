import { defineRoute } from '@/lib/http/route';
import { findConcordance } from '@/lib/memory/find-concordance';
import { concordanceQuerySchema } from '@/lib/memory/schemas';

/** Concordance: published translation pairs of a language pair whose source or target side holds a word or phrase. */
export const GET = defineRoute({
  permission: 'work.read',
  input: concordanceQuerySchema,
  handler: async ({ actor, input }) => Response.json({ pairs: await findConcordance({ actor, input }) }),
});
