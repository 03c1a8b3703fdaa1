import { defineRoute } from '@/lib/http/route';
import { dismissReport } from '@/lib/report/decide-report';
import { decideReportInput } from '@/lib/report/schemas';

/** Closes a reader's report as not an error, with a note. */
export const POST = defineRoute({
  permission: 'report.handle',
  input: decideReportInput,
  handler: async ({ actor, input }) => {
    await dismissReport({ actor, input });
    return Response.json({ reportId: input.reportId, status: 'DISMISSED' });
  },
});
