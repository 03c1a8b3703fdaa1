import { getJson, postJson } from '../http/api-request';

/** A signed record of the moment the form was shown, sent back with the report. */
export function fetchReportFormToken() {
  return getJson<{ token: string }>('/api/reports/form-token');
}

export interface ReportPayload {
  segmentId: string;
  language: string;
  message: string;
  quotedText: string;
  formToken: string;
  /** The hidden field people leave empty. */
  website: string;
}

/** Sends a reader's report on a segment; a rate limit's message says when to try again. */
export function sendReport({ segmentId, ...body }: ReportPayload) {
  return postJson<{ status: 'received' }>(`/api/segments/${encodeURIComponent(segmentId)}/reports`, body);
}
