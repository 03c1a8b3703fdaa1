import type { AlignmentRow } from '@/lib/align/alignment-rows';
import type { AlignmentOperation } from '@/lib/align/plan-alignment-edit';

import { getJson, postJson } from '../http/api-request';

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

/** Answers without the server's error body are worded by `requestErrors.alignment`. */
const fallbacks = 'alignment' as const;

const post = <T>(url: string, body: unknown) => postJson<T>(url, body, { fallbacks });

/** A window of rows in reading order (after `after`), or the least confident rows first. */
export function fetchAlignmentRows({ workId, language, order, after, limit }: { workId: string; language: string; order: AlignmentOrder; after?: string; limit?: number }) {
  const query = { lang: language, order: order === 'confidence' ? order : undefined, after: after || undefined, limit: limit || undefined };
  return getJson<AlignmentWindow>(`/api/works/${workId}/alignment`, { query, fallbacks });
}

/**
 * Applies one hand correction; `expected` holds the revision of every row the editor shows near
 * it (for `splitAt`, also the revision of the text `offset` points into).
 */
export function postAlignmentEdit(input: { workId: string; language: string; segmentId: string; operation: AlignmentOperation; offset?: number; expected: Record<string, string | null> }) {
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
