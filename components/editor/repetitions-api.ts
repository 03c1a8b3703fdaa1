import type { useTranslations } from 'next-intl';

import type { FilledRepetitions, Repetitions } from '@/lib/memory/repetition-schemas';

import { getJson, postJson, type ApiResult } from '../http/api-request';

/** The repetitions' messages (`useTranslations('editor.repetitions')`). */
export type RepetitionsTranslator = ReturnType<typeof useTranslations<'editor.repetitions'>>;

/** The other occurrences of a segment's source sentence that its translation could fill, from `GET /api/works/:id/repetitions`. */
export function fetchRepetitions({ workId, segmentId, language, signal }: { workId: string; segmentId: string; language: string; signal: AbortSignal }): Promise<ApiResult<Repetitions>> {
  return getJson<Repetitions>(`/api/works/${encodeURIComponent(workId)}/repetitions`, { query: { segment: segmentId, lang: language }, signal });
}

/** Fills the chosen occurrences with `text`, as suggestions awaiting review (`POST /api/works/:id/repetitions`). */
export function fillRepetitions({ workId, segmentId, language, text, segmentIds, t }: { workId: string; segmentId: string; language: string; text: string; segmentIds: string[]; t: RepetitionsTranslator }): Promise<ApiResult<FilledRepetitions>> {
  return postJson<FilledRepetitions>(`/api/works/${encodeURIComponent(workId)}/repetitions`, { segment: segmentId, lang: language, text, segmentIds }, {
    fallbacks: { 401: t('sessionEnded'), 403: t('forbidden') },
  });
}

/** What filling did, in one sentence: what was filled, then what was skipped and why. */
export function describeFill(result: FilledRepetitions, t: RepetitionsTranslator): string {
  const parts: string[] = [];
  if (result.filled === 0) parts.push(t('filledNone'));
  else parts.push(result.works > 1 ? t('filledInWorks', { count: result.filled, works: result.works }) : t('filled', { count: result.filled }));
  if (result.taken > 0) parts.push(t('taken', { count: result.taken }));
  if (result.declined > 0) parts.push(t('declined', { count: result.declined }));
  if (result.blocked > 0) parts.push(t('blocked', { count: result.blocked }));
  if (result.unavailable > 0) parts.push(t('unavailable', { count: result.unavailable }));
  return `${parts.join('; ')}.`;
}

/** "The sentence of segment 12 occurs 3 more times in this work (5 in the volume), with no translation yet." */
export function describeRepetitions({ number, counts }: { number: number; counts: Repetitions['counts'] }, t: RepetitionsTranslator): string {
  const { work, otherWorks } = counts;
  if (work === 0) return t('inVolume', { number, count: otherWorks });
  return otherWorks > 0 ? t('inWorkAndVolume', { number, count: work, total: work + otherWorks }) : t('inWork', { number, count: work });
}
