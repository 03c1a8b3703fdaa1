import { useTranslations } from 'next-intl';

import type { StructurePreview } from '@/lib/structure/structural-operation';
import type { StructureBlocker } from '@/lib/structure/structure-summary';

import { StructureDiff } from './structure-diff';
import { structureBlockerLine, structureSummaryLine } from './structure-text';
import { useErrorWording } from '../errors/error-wording';

export interface StructureReviewProps {
  preview: StructurePreview;
  /** The proposer's note, if they wrote one. */
  note: string | null;
  sourceLanguage: string;
  languageNames: Readonly<Record<string, string>>;
}

/**
 * A structural suggestion in the review queue: what it does in a sentence, the proposer's note,
 * the rows before and after it, and why it cannot be approved now (shown above the actions,
 * which stay disabled while there is a reason).
 */
export function StructureReview({ preview, note, sourceLanguage, languageNames }: StructureReviewProps) {
  const t = useTranslations('structure.review');
  const tStructure = useTranslations('structure');
  return (
    <div className="mt-3 space-y-3" data-structure-review="">
      <p className="font-medium" data-structure-summary="">
        {structureSummaryLine(preview.summary, preview.summaryValues, tStructure)}
      </p>
      {note && (
        <blockquote className="rounded-md border-l-2 border-line-strong bg-stone-50 px-3 py-1.5 text-sm text-ink-soft" data-structure-note="">
          <span className="font-medium text-ink">{t('noteFromProposer')}</span> {note}
        </blockquote>
      )}
      <StructureDiff preview={preview} sourceLanguage={sourceLanguage} languageNames={languageNames} />
    </div>
  );
}

/** Why approving is refused now, above the Approve button (null when nothing stands in the way). */
export function StructureBlockers({ blockers, id }: { blockers: readonly StructureBlocker[]; id: string }) {
  const t = useTranslations('structure.review');
  const tStructure = useTranslations('structure');
  const wording = useErrorWording();
  if (blockers.length === 0) return null;
  return (
    <div id={id} role="note" data-structure-blockers="" className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="font-medium">{t('cannotApprove')}</p>
      <ul className="mt-1 list-disc pl-5">
        {blockers.map((blocker) => {
          const line = structureBlockerLine(blocker, tStructure, wording);
          return <li key={line}>{line}</li>;
        })}
      </ul>
    </div>
  );
}
