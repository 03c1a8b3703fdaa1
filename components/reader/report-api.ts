import { isAppErrorBody } from '@/lib/errors/app-error';

/** A request's outcome for the report dialog: data, or a message written for the reader. */
export type ReportResponse<T> = { ok: true; data: T } | { ok: false; message: string };

async function request<T>(url: string, init?: RequestInit): Promise<ReportResponse<T>> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', ...init });
  } catch {
    return { ok: false, message: 'The server could not be reached. Check your connection and try again.' };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: body as T };
  // Error bodies carry a message written for people (a rate limit's says when to try again).
  return { ok: false, message: isAppErrorBody(body) ? body.error.message : `The server answered ${response.status}. Please try again.` };
}

/** A signed record of the moment the form was shown, sent back with the report. */
export function fetchReportFormToken() {
  return request<{ token: string }>('/api/reports/form-token');
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

/** Sends a reader's report on a segment. */
export function sendReport({ segmentId, ...body }: ReportPayload) {
  return request<{ status: 'received' }>(`/api/segments/${encodeURIComponent(segmentId)}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
