import { clientAddress } from '@/lib/http/client-address';
import { defineRoute } from '@/lib/http/route';
import { createReport } from '@/lib/report/create-report';
import { reportInput } from '@/lib/report/schemas';

/**
 * A reader reports an error in this segment (anonymous readers too). Submissions caught by the
 * spam trap get the same answer as stored ones.
 */
export const POST = defineRoute({
  permission: 'report.create',
  input: reportInput,
  maxBodyBytes: 128 * 1024,
  handler: async ({ actor, input, request }) => {
    await createReport({ actor, input, clientAddress: clientAddress(request) });
    return Response.json({ status: 'received' }, { status: 202 });
  },
});
