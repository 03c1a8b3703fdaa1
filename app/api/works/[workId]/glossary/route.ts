import { findWorkGlossaryHits } from '@/lib/glossary/find-work-glossary-hits';
import { workGlossaryQuerySchema } from '@/lib/glossary/schemas';
import { defineRoute } from '@/lib/http/route';

/** The glossary terms in the originals of a few editor chunks (`?lang=en&chunk=3&count=2`, as the editor's rows are asked for), by segment. */
export const GET = defineRoute({
  permission: 'glossary.read',
  input: workGlossaryQuerySchema,
  handler: async ({ actor, input }) => Response.json(await findWorkGlossaryHits({ actor, input }), { headers: { 'cache-control': 'no-store' } }),
});
