import type { TextStatusName } from '@/lib/reader/types';

import { Badge, type BadgeTone } from '../ui/badge';

const STATUS: Record<TextStatusName, { label: string; tone: BadgeTone; title: string }> = {
  EMPTY: { label: 'Empty', tone: 'neutral', title: 'Nothing is published in this language yet.' },
  DRAFT: { label: 'Draft', tone: 'warning', title: 'Work in progress, not submitted.' },
  PROPOSED: { label: 'Proposed', tone: 'accent', title: 'Submitted for review.' },
  APPROVED: { label: 'Approved', tone: 'success', title: 'Published: readers see this text.' },
};

/** The segment's workflow status in this language (from the database), plus the draft's own marks. */
export function SegmentStatus({ status, isDone, isEdited }: { status: TextStatusName; isDone: boolean; isEdited: boolean }) {
  const entry = STATUS[status];
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={entry.tone} title={entry.title} data-status={status}>
        {entry.label}
      </Badge>
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
