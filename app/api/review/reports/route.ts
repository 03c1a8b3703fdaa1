import { defineRoute } from '@/lib/http/route';
import { findOpenReports } from '@/lib/report/find-open-reports';
import { reportQueueFilter } from '@/lib/report/schemas';

/** One page of readers' open error reports (oldest first); `next` is the cursor of the following page. */
export const GET = defineRoute({
  permission: 'report.handle',
  input: reportQueueFilter,
  handler: async ({ actor, input }) => Response.json(await findOpenReports({ actor, filter: input }), { headers: { 'cache-control': 'no-store' } }),
});
