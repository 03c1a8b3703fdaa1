import { isAppErrorBody, type AppErrorCode } from '@/lib/errors/app-error';
import type { ReportQueuePage } from '@/lib/report/types';

export type QueueResponse<T> = { ok: true; data: T } | { ok: false; code: AppErrorCode | 'NETWORK'; message: string };

async function request<T>(url: string, init?: RequestInit): Promise<QueueResponse<T>> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', ...init });
  } catch {
    return { ok: false, code: 'NETWORK', message: 'The server could not be reached. Check your connection and try again.' };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: body as T };
  if (isAppErrorBody(body)) return { ok: false, code: body.error.code, message: body.error.message };
  return { ok: false, code: 'INTERNAL', message: `The server answered ${response.status}. Please try again.` };
}

export interface ReportQueueQuery {
  collectionId?: string;
  workId?: string;
  language?: string;
  after?: string;
}

/** One page of open reports, oldest first. */
export function fetchOpenReports(query: ReportQueueQuery) {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return request<ReportQueuePage>(`/api/review/reports?${params.toString()}`);
}

/** Resolves (fixed) or dismisses (not an error) a report with a note. */
export function decideReport(reportId: string, outcome: 'resolve' | 'dismiss', note: string) {
  return request<{ reportId: string; status: 'RESOLVED' | 'DISMISSED' }>(`/api/reports/${encodeURIComponent(reportId)}/${outcome}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ note }),
  });
}
