import { findWorkThreads } from '@/lib/discussion/find-work-threads';
import { workThreadsInput } from '@/lib/discussion/schemas';
import { defineRoute } from '@/lib/http/route';

/** The discussions of a work, unresolved first (`status=open|resolved|all`, `language`, keyset `after`). */
export const GET = defineRoute({
  permission: 'work.read',
  input: workThreadsInput,
  handler: async ({ actor, input }) => Response.json(await findWorkThreads({ actor, input }), { headers: { 'cache-control': 'no-store' } }),
});
