import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { structureSummaryLine } from './structure-text';
import { Badge } from '../ui/badge';

export interface WaitingStructuralChange {
  suggestionId: string;
  summary: string;
}

/**
 * "Structural change waiting for review" on a source row the change touches, linked to the work's
 * structural suggestions in the review queue for those who review it (a change filed under the
 * first segment it touches may touch this one too), else to the author's own list.
 */
export function StructureWaiting({ waiting, workId, canReview }: { waiting: readonly WaitingStructuralChange[]; workId: string; canReview: boolean }) {
  const t = useTranslations('structure.waiting');
  const tStructure = useTranslations('structure');
  return waiting.map((change) => {
    const summary = structureSummaryLine(change.summary, null, tStructure);
    return (
    <Badge key={change.suggestionId} tone="accent" title={summary} data-structure-waiting={change.suggestionId}>
      <Link href={canReview ? `/review?work=${workId}&kind=STRUCTURE` : `/suggestions?suggestion=${change.suggestionId}`} className="underline decoration-accent-300 underline-offset-2 hover:decoration-accent-700">
        {t('label')}
        <span className="sr-only">: {summary}</span>
      </Link>
    </Badge>
    );
  });
}
