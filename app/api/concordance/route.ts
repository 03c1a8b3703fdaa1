import { clientAddress } from '@/lib/http/client-address';
import { defineRoute } from '@/lib/http/route';
import { findConcordance } from '@/lib/memory/find-concordance';
import { concordanceQuerySchema } from '@/lib/memory/schemas';

/**
 * Concordance: the translation pairs of a language pair (the library's, then imported memories')
 * whose source or target side holds a word or phrase, a page at a time. Counted against the
 * address's search limit (429 with Retry-After past it).
 */
export const GET = defineRoute({
  permission: 'work.read',
  input: concordanceQuerySchema,
  handler: async ({ actor, input, request }) => Response.json(await findConcordance({ actor, input, clientAddress: clientAddress(request) })),
});
