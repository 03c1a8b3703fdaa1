import type { AlignmentRow } from '@/lib/align/alignment-rows';
import type { AlignmentOperation } from '@/lib/align/plan-alignment-edit';
import { isAppErrorBody, type AppErrorCode } from '@/lib/errors/app-error';

/** The order of the editor's list: the text's own, or the least confident alignments first. */
export type AlignmentOrder = 'reading' | 'confidence';

/** One window of rows, as `GET /api/works/:id/alignment` answers. */
export interface AlignmentWindow {
  sourceLanguage: string;
  rows: AlignmentRow[];
  hasMore: boolean;
}

/** The rows an edit, an undo or a re-alignment changed, and the id that undoes it. */
export interface AlignmentChange {
  editId: string;
  rows: Pick<AlignmentRow, 'segmentId' | 'text' | 'revisionId' | 'continuesPrevious'>[];
}

/** Why a request failed: the server's code (or NETWORK) and a message written for the user. */
export interface AlignmentFailure {
  code: AppErrorCode | 'NETWORK';
  message: string;
}

export type AlignmentResponse<T> = { ok: true; data: T } | { ok: false; failure: AlignmentFailure };

const FALLBACK_MESSAGES: Record<number, string> = {
  401: 'Your session has ended. Sign in again to keep fixing this alignment.',
  403: 'You may not fix alignments in this collection.',
  404: 'This work or translation no longer exists.',
};

async function request<T>(url: string, init?: RequestInit): Promise<AlignmentResponse<T>> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', ...init });
  } catch {
    return { ok: false, failure: { code: 'NETWORK', message: 'The server could not be reached. Check your connection and try again.' } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: body as T };
  // Error bodies carry a message written for users; use it verbatim.
  if (isAppErrorBody(body)) return { ok: false, failure: { code: body.error.code, message: body.error.message } };
  return { ok: false, failure: { code: 'INTERNAL', message: FALLBACK_MESSAGES[response.status] ?? `The server answered ${response.status}. Please try again.` } };
}

const post = <T>(url: string, body: unknown) => request<T>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A window of rows in reading order (after `after`), or the least confident rows first. */
export function fetchAlignmentRows({ workId, language, order, after, limit }: { workId: string; language: string; order: AlignmentOrder; after?: string; limit?: number }) {
  const query = new URLSearchParams({ lang: language });
  if (order === 'confidence') query.set('order', 'confidence');
  if (after) query.set('after', after);
  if (limit) query.set('limit', String(limit));
  return request<AlignmentWindow>(`/api/works/${workId}/alignment?${query}`);
}

/** Applies one hand correction; `expected` holds the revision of every row the editor shows near it. */
export function postAlignmentEdit(input: { workId: string; language: string; segmentId: string; operation: AlignmentOperation; expected: Record<string, string | null> }) {
  return post<AlignmentChange>(`/api/works/${input.workId}/alignment/edits`, input);
}

/** Undoes an edit or a re-alignment by its id. */
export function postAlignmentUndo(input: { workId: string; editId: string }) {
  return post<AlignmentChange>(`/api/works/${input.workId}/alignment/undo`, input);
}

/** Runs the aligner again from one row to another (inclusive). */
export function postRealignRange(input: { workId: string; language: string; fromSegmentId: string; toSegmentId: string }) {
  return post<AlignmentChange>(`/api/works/${input.workId}/alignment/realign`, input);
}
