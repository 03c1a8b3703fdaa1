import type { CreatedSuggestion } from '@/lib/review/create-suggestion';
import type { DraftSubmission } from '@/lib/review/submit-drafts';

import { postJson, type ApiResult } from '../http/api-request';

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
export function submitDraft(input: SubmitDraftInput): Promise<ApiResult<CreatedSuggestion>> {
  return postJson<CreatedSuggestion>('/api/suggestions', input, {
    fallbacks: {
      401: 'Your session has ended. Sign in again to submit this draft.',
      403: 'You may not submit drafts in this collection.',
    },
  });
}

/** Turns every draft of the work in `language` that is marked done into a suggestion. */
export function submitDoneDrafts({ workId, language }: { workId: string; language: string }): Promise<ApiResult<DraftSubmission>> {
  return postJson<DraftSubmission>(`/api/works/${workId}/suggestions`, { language }, {
    fallbacks: {
      401: 'Your session has ended. Sign in again to submit your drafts.',
      403: 'You may not submit drafts in this collection.',
    },
  });
}

/** What a batch submission did, in one sentence. */
export function describeSubmission(result: DraftSubmission): string {
  const parts: string[] = [];
  parts.push(result.submitted === 0 ? 'No new draft to submit' : `${result.submitted} draft${result.submitted === 1 ? '' : 's'} submitted for review`);
  if (result.alreadySubmitted > 0) parts.push(`${result.alreadySubmitted} already waiting for review`);
  if (result.unchanged > 0) parts.push(`${result.unchanged} marked done without a change`);
  if (result.declined > 0) parts.push(`${result.declined} turned down earlier as ${result.declined === 1 ? 'it stands' : 'they stand'} (change ${result.declined === 1 ? 'it' : 'them'} first)`);
  if (result.grouped > 0) parts.push(`${result.grouped} left out: translated together with the segment before`);
  if (result.failed.length > 0) parts.push(`${result.failed.length} could not be submitted (${result.failed[0]?.message ?? ''})`);
  return `${parts.join('; ')}.${result.hasMore ? ' More are waiting: submit again.' : ''}`;
}
