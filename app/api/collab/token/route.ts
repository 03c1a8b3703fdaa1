import { z } from 'zod';

import { mintCollabTicket } from '@/lib/collab/mint-token';
import { defineRoute } from '@/lib/http/route';

/** A short-lived token that opens collaboration connections as the signed-in user (read-only for guests). */
export const POST = defineRoute({
  permission: 'work.read',
  input: z.object({}),
  handler: async ({ actor }) => Response.json(mintCollabTicket(actor), { headers: { 'cache-control': 'no-store' } }),
});
