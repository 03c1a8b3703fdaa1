import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

import type { DeclinedSuggestion, TextSuggestions, WaitingSuggestion } from '@/lib/review/find-text-suggestions';

import { Badge } from '../ui/badge';

/** Where a draft stands in review: the suggestion it is, word for word and on the same base, if any. */
export interface DraftReviewState {
  /** The draft is this suggestion, awaiting a decision: nothing to submit again. */
  waiting: WaitingSuggestion | undefined;
  /** The draft is this suggestion, rejected or published only in part: to be reworked, not resubmitted. */
  declined: DeclinedSuggestion | undefined;
}

/**
 * The suggestion a draft is (same text, same base revision), awaiting review or turned down. A
 * draft changed since it was submitted is neither: it is a new proposal.
 */
export function draftReviewState(suggestions: TextSuggestions, draft: string, base: string | null): DraftReviewState {
  const isDraft = (suggestion: { text: string; baseRevisionId: string | null }) => suggestion.text === draft && suggestion.baseRevisionId === base;
  return { waiting: suggestions.waiting.find(isDraft), declined: suggestions.declined.find(isDraft) };
}

/**
 * "Waiting for review", linked to where the suggestion can be followed: the author's own list,
 * or the review queue for those who review it.
 */
export function WaitingForReview({ suggestion, segmentId, canReview }: { suggestion: WaitingSuggestion; segmentId: string; canReview: boolean }) {
  const t = useTranslations('editor.draftReviewState');
  const status = suggestion.status === 'APPROVED' ? 'approved' : 'pending';
  const href = suggestion.isOwn ? `/suggestions?suggestion=${suggestion.suggestionId}` : canReview ? `/review?segment=${segmentId}` : null;
  return (
    <Badge tone="accent" title={suggestion.isOwn ? t('waitingOwnTitle') : t('waitingOtherTitle')} data-waiting-review={suggestion.suggestionId}>
      {href ? (
        <Link href={href} className="underline decoration-accent-300 underline-offset-2 hover:decoration-accent-700">
          {t('waiting', { status, review: canReview && !suggestion.isOwn ? 'yes' : 'no' })}
        </Link>
      ) : (
        t('waiting', { status, review: 'no' })
      )}
    </Badge>
  );
}

/** What a reviewer decided about the suggestion the draft is, and why: shown until the draft changes. */
export function ReviewDecision({ suggestion }: { suggestion: DeclinedSuggestion }) {
  const t = useTranslations('editor.draftReviewState');
  const reasons = useTranslations('rejectReasons');
  const strong = (chunks: ReactNode) => <span className="font-medium">{chunks}</span>;
  const link = suggestion.isOwn ? (
    <Link href={`/suggestions?suggestion=${suggestion.suggestionId}`} className="ml-1 font-medium underline">
      {t('details')}
    </Link>
  ) : null;
  return (
    <span role="note" data-decision={suggestion.outcome} className="inline-flex flex-wrap items-baseline gap-x-1 rounded-md bg-amber-50 px-2 py-0.5 text-amber-950 ring-1 ring-amber-200">
      {suggestion.outcome === 'REJECTED' && t.rich('rejected', { strong, reason: suggestion.reason ? reasons(suggestion.reason) : '', note: suggestion.note, hasNote: suggestion.note ? 'yes' : 'no' })}
      {suggestion.outcome === 'PARTLY_APPROVED' && (
        <>
          {t.rich('partlyApproved', { strong })}{' '}
          {suggestion.turnedDown.map((part, index) => (
            <span key={index}>
              {index > 0 ? '; ' : ''}
              {t.rich('turnedDownPart', {
                excerpt: () => <span className="font-serif">{part.excerpt}</span>,
                reason: reasons(part.reason),
                note: part.note,
                hasNote: part.note ? 'yes' : 'no',
              })}
            </span>
          ))}
        </>
      )}
      {suggestion.outcome === 'EDITED' && t.rich('edited', { strong })}
      {link}
    </span>
  );
}
