import type { FilledRepetitions, Repetitions } from '@/lib/memory/repetition-schemas';

import { getJson, postJson, type ApiResult } from '../http/api-request';

/** The other occurrences of a segment's source sentence that its translation could fill, from `GET /api/works/:id/repetitions`. */
export function fetchRepetitions({ workId, segmentId, language, signal }: { workId: string; segmentId: string; language: string; signal: AbortSignal }): Promise<ApiResult<Repetitions>> {
  return getJson<Repetitions>(`/api/works/${encodeURIComponent(workId)}/repetitions`, { query: { segment: segmentId, lang: language }, signal });
}

/** Fills the chosen occurrences with `text`, as suggestions awaiting review (`POST /api/works/:id/repetitions`). */
export function fillRepetitions({ workId, segmentId, language, text, segmentIds }: { workId: string; segmentId: string; language: string; text: string; segmentIds: string[] }): Promise<ApiResult<FilledRepetitions>> {
  return postJson<FilledRepetitions>(`/api/works/${encodeURIComponent(workId)}/repetitions`, { segment: segmentId, lang: language, text, segmentIds }, {
    fallbacks: {
      401: 'Your session has ended. Sign in again to fill these repetitions.',
      403: 'You may not suggest translations in this collection.',
    },
  });
}

/** What filling did, in one sentence. */
export function describeFill(result: FilledRepetitions): string {
  const parts: string[] = [];
  parts.push(result.filled === 0 ? 'Nothing was filled' : `${result.filled} repetition${result.filled === 1 ? ' filled as a suggestion' : 's filled as suggestions'} for review${result.works > 1 ? ` in ${result.works} works` : ''}`);
  if (result.taken > 0) parts.push(`${result.taken} translated or suggested by someone meanwhile`);
  if (result.declined > 0) parts.push(`${result.declined} where a reviewer already turned this translation down`);
  if (result.blocked > 0) parts.push(`${result.blocked} where the quality checks the collection requires find something to fix first`);
  if (result.unavailable > 0) parts.push(`${result.unavailable} no longer a repetition of this sentence`);
  return `${parts.join('; ')}.`;
}

const times = (count: number) => `${count} more time${count === 1 ? '' : 's'}`;

/** "The sentence of segment 12 occurs 3 more times in this work (5 in the volume), with no translation yet." */
export function describeRepetitions({ number, counts }: { number: number; counts: Repetitions['counts'] }): string {
  const { work, otherWorks } = counts;
  const where = work > 0 ? `occurs ${times(work)} in this work${otherWorks > 0 ? ` (${work + otherWorks} in the volume)` : ''}` : `occurs ${times(otherWorks)} in the volume`;
  return `The sentence of segment ${number} ${where}, with no translation yet.`;
}
