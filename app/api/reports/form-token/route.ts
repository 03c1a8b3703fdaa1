import { z } from 'zod';

import { defineRoute } from '@/lib/http/route';
import { issueReportFormToken } from '@/lib/report/report-secrets';

/** A signed record of when the report form was shown; the report must come back with it (spam trap). */
export const GET = defineRoute({
  permission: 'report.create',
  input: z.object({}),
  handler: async () => Response.json({ token: issueReportFormToken() }, { headers: { 'cache-control': 'no-store' } }),
});
