import type { ReportQueuePage } from '@/lib/report/types';

import { getJson, postJson } from '../http/api-request';

export interface ReportQueueQuery {
  collectionId?: string;
  workId?: string;
  language?: string;
  after?: string;
}

/** One page of open reports, oldest first. */
export function fetchOpenReports(query: ReportQueueQuery) {
  // Empty filters are left out, as the queue's URL leaves them out.
  return getJson<ReportQueuePage>('/api/review/reports', { query: Object.fromEntries(Object.entries(query).filter(([, value]) => Boolean(value))) });
}

/** Resolves (fixed) or dismisses (not an error) a report with a note. */
export function decideReport(reportId: string, outcome: 'resolve' | 'dismiss', note: string) {
  return postJson<{ reportId: string; status: 'RESOLVED' | 'DISMISSED' }>(`/api/reports/${encodeURIComponent(reportId)}/${outcome}`, { note });
}
