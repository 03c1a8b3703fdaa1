import { defineRoute } from '@/lib/http/route';
import { resolveReport } from '@/lib/report/decide-report';
import { decideReportInput } from '@/lib/report/schemas';

/** Closes a reader's report as fixed, with a note. */
export const POST = defineRoute({
  permission: 'report.handle',
  input: decideReportInput,
  handler: async ({ actor, input }) => {
    await resolveReport({ actor, input });
    return Response.json({ reportId: input.reportId, status: 'RESOLVED' });
  },
});
