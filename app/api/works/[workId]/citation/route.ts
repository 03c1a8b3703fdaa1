import { getEnv } from '@/lib/config/env';
import { defineRoute } from '@/lib/http/route';
import { citeWork, citeWorkInput } from '@/lib/reader/cite-work';

/** A citation of the work or of one passage with its printed pages: Chicago, BibTeX and CSL-JSON. */
export const GET = defineRoute({
  permission: 'work.read',
  input: citeWorkInput,
  handler: async ({ actor, input, request }) => {
    const baseUrl = getEnv().NEXTAUTH_URL ?? new URL(request.url).origin;
    return Response.json(await citeWork({ actor, input, baseUrl }), { headers: { 'cache-control': 'no-store' } });
  },
});
