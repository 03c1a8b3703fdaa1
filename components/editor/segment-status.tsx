import type { TextStatusName } from '@/lib/reader/types';

import { Badge, type BadgeTone } from '../ui/badge';

const STATUS: Record<TextStatusName, { label: string; tone: BadgeTone; title: string }> = {
  EMPTY: { label: 'Empty', tone: 'neutral', title: 'Nothing is published in this language yet.' },
  APPROVED: { label: 'Approved', tone: 'success', title: 'Published: readers see this text.' },
};

export interface SegmentStatusProps {
  /** Whether a text is published in this language (from the database). */
  status: TextStatusName;
  /** Suggestions for the text awaiting review. */
  openSuggestions: number;
  isDone: boolean;
  isEdited: boolean;
  /** The draft is a suggestion awaiting review (shown beside as such): not "edited" nor "done" any more, and not one more proposal. */
  isWaiting: boolean;
}

/** The text's published status and the suggestions awaiting review, plus the draft's own marks. */
export function SegmentStatus({ status, openSuggestions, isDone, isEdited, isWaiting }: SegmentStatusProps) {
  const entry = STATUS[status];
  // The draft's own suggestion is shown as "waiting for review"; "Proposed" counts the others.
  const others = isWaiting ? openSuggestions - 1 : openSuggestions;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={entry.tone} title={entry.title} data-status={status}>
        {entry.label}
      </Badge>
      {others > 0 && (
        <Badge tone="accent" title={others === 1 ? `${isWaiting ? 'Another' : 'A'} suggestion for this text awaits review.` : `${others} ${isWaiting ? 'other ' : ''}suggestions for this text await review.`} data-proposed={others}>
          {others === 1 ? 'Proposed' : `Proposed ×${others}`}
        </Badge>
      )}
      {isEdited && !isWaiting && (
        <Badge tone="warning" title="The draft differs from the published text." data-edited="">
          Edited
        </Badge>
      )}
      {isDone && !isWaiting && (
        <Badge tone="success" title="The translator marked this draft as finished." data-done="">
          ✓ Done
        </Badge>
      )}
    </span>
  );
}
