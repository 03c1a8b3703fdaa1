import type { useTranslations } from 'next-intl';

import type { CreatedSuggestion } from '@/lib/review/create-suggestion';
import type { DraftSubmission } from '@/lib/review/submit-drafts';

import { postJson, type ApiResult } from '../http/api-request';

/** The submissions' messages (`useTranslations('editor.submitDraft')`). */
export type SubmitDraftTranslator = ReturnType<typeof useTranslations<'editor.submitDraft'>>;

export interface SubmitDraftInput {
  segmentId: string;
  language: string;
  text: string;
  /** The published revision the draft was started from. */
  baseRevisionId: string | null;
  /** Publish at once (editors where one approval suffices) instead of suggesting. */
  publish: boolean;
  /** The machine translation the draft was filled with (its mark), so the server labels the text. */
  machineTranslationId?: string | null;
}

/** Turns a draft into a suggestion, or publishes it, with `POST /api/suggestions`. */
export function submitDraft(input: SubmitDraftInput, t: SubmitDraftTranslator): Promise<ApiResult<CreatedSuggestion>> {
  return postJson<CreatedSuggestion>('/api/suggestions', input, {
    fallbacks: { 401: t('sessionEnded'), 403: t('forbidden') },
  });
}

/** Turns every draft of the work in `language` that is marked done into a suggestion. */
export function submitDoneDrafts({ workId, language, t }: { workId: string; language: string; t: SubmitDraftTranslator }): Promise<ApiResult<DraftSubmission>> {
  return postJson<DraftSubmission>(`/api/works/${workId}/suggestions`, { language }, {
    fallbacks: { 401: t('sessionEndedAll'), 403: t('forbidden') },
  });
}

/** What a batch submission did, in one sentence: what was submitted, then what was not and why. */
export function describeSubmission(result: DraftSubmission, t: SubmitDraftTranslator): string {
  const parts: string[] = [];
  parts.push(result.submitted === 0 ? t('none') : t('submitted', { count: result.submitted }));
  if (result.alreadySubmitted > 0) parts.push(t('alreadySubmitted', { count: result.alreadySubmitted }));
  if (result.unchanged > 0) parts.push(t('unchanged', { count: result.unchanged }));
  if (result.declined > 0) parts.push(t('declined', { count: result.declined }));
  if (result.grouped > 0) parts.push(t('grouped', { count: result.grouped }));
  if (result.failed.length > 0) parts.push(t('failed', { count: result.failed.length, message: result.failed[0]?.message ?? '' }));
  const sentence = `${parts.join('; ')}.`;
  return result.hasMore ? `${sentence} ${t('more')}` : sentence;
}
