import Link from 'next/link';

import type { DeclinedSuggestion, TextSuggestions, WaitingSuggestion } from '@/lib/review/find-text-suggestions';

import { REJECT_REASON_LABELS } from '../review/reject-reasons';
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
  const label = suggestion.status === 'APPROVED' ? 'Approved once, waiting for validation' : 'Waiting for review';
  const href = suggestion.isOwn ? `/suggestions?suggestion=${suggestion.suggestionId}` : canReview ? `/review?segment=${segmentId}` : null;
  const title = suggestion.isOwn ? 'You submitted this draft; the editors have not decided yet.' : 'This draft was submitted by someone else; the editors have not decided yet.';
  return (
    <Badge tone="accent" title={title} data-waiting-review={suggestion.suggestionId}>
      {href ? (
        <Link href={href} className="underline decoration-accent-300 underline-offset-2 hover:decoration-accent-700">
          {label}
          {canReview && !suggestion.isOwn ? ' — review it' : ''}
        </Link>
      ) : (
        label
      )}
    </Badge>
  );
}

/** What a reviewer decided about the suggestion the draft is, and why: shown until the draft changes. */
export function ReviewDecision({ suggestion }: { suggestion: DeclinedSuggestion }) {
  const reason = suggestion.reason ? REJECT_REASON_LABELS[suggestion.reason] : null;
  const link = suggestion.isOwn ? (
    <Link href={`/suggestions?suggestion=${suggestion.suggestionId}`} className="ml-1 font-medium underline">
      Details
    </Link>
  ) : null;
  return (
    <span role="note" data-decision={suggestion.outcome} className="inline-flex flex-wrap items-baseline gap-x-1 rounded-md bg-amber-50 px-2 py-0.5 text-amber-950 ring-1 ring-amber-200">
      {suggestion.outcome === 'REJECTED' && (
        <>
          <span className="font-medium">Rejected:</span> {reason}
          {suggestion.note ? ` — ${suggestion.note}` : ''}
        </>
      )}
      {suggestion.outcome === 'PARTLY_APPROVED' && (
        <>
          <span className="font-medium">Partly approved:</span> turned down{' '}
          {suggestion.turnedDown.map((part, index) => (
            <span key={index}>
              {index > 0 ? '; ' : ''}“<span className="font-serif">{part.excerpt}</span>” ({REJECT_REASON_LABELS[part.reason]}
              {part.note ? `: ${part.note}` : ''})
            </span>
          ))}
        </>
      )}
      {suggestion.outcome === 'EDITED' && (
        <>
          <span className="font-medium">Published with a reviewer’s changes.</span> Take the published text to go on from it.
        </>
      )}
      {link}
    </span>
  );
}
