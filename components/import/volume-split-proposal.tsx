'use client';

import { useTranslations } from 'next-intl';

import type { ProposedWork } from './cleanup-preview-session';
import { workKindLabel } from './work-kind-label';

export interface VolumeSplitProposalProps {
  works: ProposedWork[];
  /** Found from the table of contents, or from the pieces of an anthology. */
  splitBy: 'contents' | 'anthology';
  isSplit: boolean;
  onSplitChange: (isSplit: boolean) => void;
}

/**
 * The works a volume's table of contents (or an anthology's structure) divides it into, and the
 * choice to import them as separate works. Off until the user confirms: a wrong split is worse
 * than none.
 */
export function VolumeSplitProposal({ works, splitBy, isSplit, onSplitChange }: VolumeSplitProposalProps) {
  const t = useTranslations('import');
  const count = works.length;
  const isAnthology = splitBy === 'anthology';
  return (
    <section aria-labelledby="volume-split-heading" data-volume-split={splitBy} className="space-y-3 rounded-lg bg-stone-50 px-4 py-3 ring-1 ring-line">
      <h2 id="volume-split-heading" className="font-medium text-ink">
        {isAnthology ? t('split.anthologyHeading', { count }) : t('split.volumeHeading', { count })}
      </h2>
      <p className="text-sm text-muted">
        {isAnthology ? t('split.anthologyText') : t('split.volumeText')}
      </p>
      <ol aria-label={t('split.listLabel')} tabIndex={0} className="max-h-64 space-y-1 overflow-y-auto rounded text-sm focus-visible:outline-2 focus-visible:outline-accent-700">
        {works.map((work, index) => {
          const kindLabel = workKindLabel(work.kind, t);
          return (
          <li key={`${index}-${work.title}`} data-work-kind={work.kind} className="flex min-w-0 flex-wrap items-baseline gap-x-2">
            <span className={work.kind === 'work' ? 'min-w-0 break-words text-ink' : 'min-w-0 break-words text-muted'}>{work.title}</span>
            {work.firstPage && <span className="text-xs text-muted tabular-nums">{t('split.page', { page: work.firstPage })}</span>}
            {(work.author || work.dateText) && <span className="text-xs text-ink-soft">{[work.author, work.dateText].filter(Boolean).join(', ')}</span>}
            {work.source && <span className="min-w-0 break-all text-xs text-muted">{work.source}</span>}
            {kindLabel && <span className="rounded bg-stone-200 px-1.5 text-xs text-ink-soft">{kindLabel}</span>}
          </li>
          );
        })}
      </ol>
      <label className="flex items-center gap-3 font-medium text-ink">
        <input type="checkbox" checked={isSplit} onChange={(event) => onSplitChange(event.target.checked)} className="size-4 accent-accent-700" />
        {t('split.separate', { count })}
      </label>
    </section>
  );
}
