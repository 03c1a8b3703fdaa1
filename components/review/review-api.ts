import type { CheckId } from '@/lib/checks/types';
import type { ConflictDetails } from '@/lib/review/decide-suggestion';
import type { QueueItem } from '@/lib/review/review-queue';
import type { HistoryEntry } from '@/lib/review/revision-history';
import type { RejectReasonCode } from '@/lib/review/schemas';

import { getJson, postJson, type ApiResult } from '../http/api-request';

/** A queue item as JSON brings it (dates as strings). */
export type QueueEntry = Omit<QueueItem, 'createdAt'> & { createdAt: string | Date };

export interface QueuePage {
  items: QueueEntry[];
  next: string | null;
}

/** The filters of the queue, as in its URL (`/review?collection=…&kind=…`). */
export interface QueueFilters {
  collectionId?: string;
  workId?: string;
  segmentId?: string;
  language?: string;
  authorId?: string;
  kind?: 'CORRECTION' | 'TRANSLATION' | 'STRUCTURE';
  /** Only translations with a finding of this quality check. */
  check?: CheckId;
  minAgeDays?: number;
}

/** Answers without the server's error body are worded by `requestErrors.review`. */
const fallbacks = 'review' as const;

/** The page of the queue after `after`. */
export function fetchQueuePage(filters: QueueFilters, after: string): Promise<ApiResult<QueuePage>> {
  const query = { after, ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')) };
  return getJson<QueuePage>('/api/review/queue', { query, fallbacks });
}

export interface HunkRejectionInput {
  excerpt: string;
  reason: RejectReasonCode;
  note: string;
}

export interface ApproveInput {
  suggestionId: string;
  /** The text to publish when edited, merged or only partly accepted, written against `expectedRevisionId`. */
  text?: string;
  expectedRevisionId?: string | null;
  hunkRejections?: HunkRejectionInput[];
}

/** Approves (or validates) a suggestion; a STALE_BASE failure carries {@link ConflictDetails}. */
export function approveSuggestion({ suggestionId, ...body }: ApproveInput): Promise<ApiResult<{ status: 'APPROVED' | 'PUBLISHED' }>> {
  return postJson(`/api/suggestions/${encodeURIComponent(suggestionId)}/approve`, body, { fallbacks });
}

export function rejectSuggestion({ suggestionId, reason, note }: { suggestionId: string; reason: RejectReasonCode; note: string }): Promise<ApiResult<unknown>> {
  return postJson(`/api/suggestions/${encodeURIComponent(suggestionId)}/reject`, { reason, note }, { fallbacks });
}

/** The conflict of a STALE_BASE failure, when the server sent one. */
export function conflictOf(details: unknown): ConflictDetails | null {
  if (typeof details !== 'object' || details === null) return null;
  const candidate = details as Partial<ConflictDetails>;
  return typeof candidate.currentText === 'string' && typeof candidate.suggestedText === 'string' && typeof candidate.baseText === 'string' ? (candidate as ConflictDetails) : null;
}

/** A revision of the history as JSON brings it (dates as strings). */
export type HistoryEntryJson = Omit<HistoryEntry, 'createdAt'> & { createdAt: string };

/** Answers without the server's error body are worded by `requestErrors.history`. */
const historyFallbacks = 'history' as const;

/** Every revision of a segment's text in one language, newest first. */
export function fetchRevisionHistory({ segmentId, language }: { segmentId: string; language: string }): Promise<ApiResult<{ revisions: HistoryEntryJson[] }>> {
  return getJson(`/api/segments/${encodeURIComponent(segmentId)}/history`, { query: { lang: language }, fallbacks: historyFallbacks });
}

/** Publishes an earlier revision again; `expectedRevisionId` is the one the history showed as published. */
export function revertToRevision({ segmentId, ...body }: { segmentId: string; language: string; revisionId: string; expectedRevisionId: string | null }): Promise<ApiResult<{ revisionId: string }>> {
  return postJson(`/api/segments/${encodeURIComponent(segmentId)}/revert`, body, { fallbacks: historyFallbacks });
}
