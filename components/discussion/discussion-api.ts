import type { DiscussionComment, DiscussionThread, MentionableUser } from '@/lib/discussion/types';

import { apiRequest, getJson, postJson, type ApiResult } from '../http/api-request';

/** Answers without the server's error body are worded by `requestErrors.discussion`. */
const fallbacks = 'discussion' as const;

const segmentUrl = (segmentId: string, path: string) => `/api/segments/${encodeURIComponent(segmentId)}/${path}`;
const commentUrl = (commentId: string, path = '') => `/api/comments/${encodeURIComponent(commentId)}${path}`;

/** The threads of a segment (about `language` and the whole segment, when given). */
export async function fetchThreads(segmentId: string, language?: string): Promise<ApiResult<DiscussionThread[]>> {
  const result = await getJson<{ threads: DiscussionThread[] }>(segmentUrl(segmentId, 'comments'), { query: { lang: language || undefined }, fallbacks });
  return result.ok ? { ok: true, data: result.data.threads } : result;
}

/** Starts a thread (`replyToId` omitted) or replies to one. */
export function postComment(input: { segmentId: string; body: string; language?: string | null; replyToId?: string }) {
  return postJson<{ comment: DiscussionComment }>(segmentUrl(input.segmentId, 'comments'), input, { fallbacks });
}

export function patchComment(commentId: string, body: string) {
  return apiRequest<{ comment: DiscussionComment }>(commentUrl(commentId), { method: 'PATCH', json: { body }, fallbacks });
}

export function deleteComment(commentId: string) {
  return apiRequest<{ ok: true }>(commentUrl(commentId), { method: 'DELETE', fallbacks });
}

/** Resolves (`isResolved` true) or reopens the thread of a comment. */
export function setThreadResolved(commentId: string, isResolved: boolean) {
  return postJson<{ threadId: string; isResolved: boolean }>(commentUrl(commentId, isResolved ? '/resolve' : '/reopen'), {}, { fallbacks });
}

/** People who can be mentioned in the segment's discussion whose name contains `query`; none when the lookup fails. */
export async function fetchMentionable(segmentId: string, query: string, signal?: AbortSignal): Promise<MentionableUser[]> {
  const result = await getJson<{ users: MentionableUser[] }>(segmentUrl(segmentId, 'mentionable'), { query: { q: query }, signal, fallbacks });
  return result.ok ? result.data.users : [];
}
