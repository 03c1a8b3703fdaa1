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
}

/** The text's published status and the suggestions awaiting review, plus the draft's own marks. */
export function SegmentStatus({ status, openSuggestions, isDone, isEdited }: SegmentStatusProps) {
  const entry = STATUS[status];
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={entry.tone} title={entry.title} data-status={status}>
        {entry.label}
      </Badge>
      {openSuggestions > 0 && (
        <Badge tone="accent" title={openSuggestions === 1 ? 'A suggestion for this text awaits review.' : `${openSuggestions} suggestions for this text await review.`} data-proposed={openSuggestions}>
          {openSuggestions === 1 ? 'Proposed' : `Proposed ×${openSuggestions}`}
        </Badge>
      )}
      {isEdited && (
        <Badge tone="warning" title="The draft differs from the published text." data-edited="">
          Edited
        </Badge>
      )}
      {isDone && (
        <Badge tone="success" title="The translator marked this draft as finished." data-done="">
          ✓ Done
        </Badge>
      )}
    </span>
  );
}
