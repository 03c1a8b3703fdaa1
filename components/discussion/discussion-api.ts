import type { DiscussionComment, DiscussionThread, MentionableUser } from '@/lib/discussion/types';
import { isAppErrorBody } from '@/lib/errors/app-error';

/** A request's outcome: the data, or a message written for the user. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; message: string; code: string };

const FALLBACK_MESSAGES: Record<number, string> = {
  401: 'Your session has ended. Sign in again to take part in the discussion.',
  403: 'You may not do this in this discussion.',
  404: 'This comment or passage no longer exists.',
};

async function request<T>(url: string, init?: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) }, ...init });
  } catch {
    return { ok: false, code: 'NETWORK', message: 'The server could not be reached. Check your connection and try again.' };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: body as T };
  if (isAppErrorBody(body)) return { ok: false, code: body.error.code, message: body.error.message };
  return { ok: false, code: 'INTERNAL', message: FALLBACK_MESSAGES[response.status] ?? `The server answered ${response.status}. Please try again.` };
}

const segmentUrl = (segmentId: string, path: string) => `/api/segments/${encodeURIComponent(segmentId)}/${path}`;
const commentUrl = (commentId: string, path = '') => `/api/comments/${encodeURIComponent(commentId)}${path}`;

/** The threads of a segment (about `language` and the whole segment, when given). */
export async function fetchThreads(segmentId: string, language?: string): Promise<ApiResult<DiscussionThread[]>> {
  const query = language ? `?lang=${encodeURIComponent(language)}` : '';
  const result = await request<{ threads: DiscussionThread[] }>(`${segmentUrl(segmentId, 'comments')}${query}`);
  return result.ok ? { ok: true, data: result.data.threads } : result;
}

/** Starts a thread (`replyToId` omitted) or replies to one. */
export function postComment(input: { segmentId: string; body: string; language?: string | null; replyToId?: string }): Promise<ApiResult<{ comment: DiscussionComment }>> {
  return request(segmentUrl(input.segmentId, 'comments'), { method: 'POST', body: JSON.stringify(input) });
}

export function patchComment(commentId: string, body: string): Promise<ApiResult<{ comment: DiscussionComment }>> {
  return request(commentUrl(commentId), { method: 'PATCH', body: JSON.stringify({ body }) });
}

export function deleteComment(commentId: string): Promise<ApiResult<{ ok: true }>> {
  return request(commentUrl(commentId), { method: 'DELETE' });
}

/** Resolves (`isResolved` true) or reopens the thread of a comment. */
export function setThreadResolved(commentId: string, isResolved: boolean): Promise<ApiResult<{ threadId: string; isResolved: boolean }>> {
  return request(commentUrl(commentId, isResolved ? '/resolve' : '/reopen'), { method: 'POST', body: '{}' });
}

/** People who can be mentioned in the segment's discussion whose name contains `query`. */
export async function fetchMentionable(segmentId: string, query: string, signal?: AbortSignal): Promise<MentionableUser[]> {
  const result = await request<{ users: MentionableUser[] }>(`${segmentUrl(segmentId, 'mentionable')}?q=${encodeURIComponent(query)}`, { signal });
  return result.ok ? result.data.users : [];
}
