import { z } from 'zod';

import { defineRoute } from '@/lib/http/route';

/** Liveness probe: answers as soon as the app serves requests. Open to everyone. */
export const GET = defineRoute({
  permission: null,
  input: z.object({}),
  handler: async () => Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } }),
});
