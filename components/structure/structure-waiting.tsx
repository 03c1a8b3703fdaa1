import Link from 'next/link';

import { Badge } from '../ui/badge';

export interface WaitingStructuralChange {
  suggestionId: string;
  summary: string;
}

/**
 * "Structural change waiting for review" on a source row the change touches, linked to the review
 * queue filtered on the segment for those who review it, else to the author's own list.
 */
export function StructureWaiting({ waiting, segmentId, canReview }: { waiting: readonly WaitingStructuralChange[]; segmentId: string; canReview: boolean }) {
  return waiting.map((change) => (
    <Badge key={change.suggestionId} tone="accent" title={change.summary} data-structure-waiting={change.suggestionId}>
      <Link href={canReview ? `/review?segment=${segmentId}` : `/suggestions?suggestion=${change.suggestionId}`} className="underline decoration-accent-300 underline-offset-2 hover:decoration-accent-700">
        Structural change waiting for review
        <span className="sr-only">: {change.summary}</span>
      </Link>
    </Badge>
  ));
}
