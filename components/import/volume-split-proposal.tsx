'use client';

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
  const count = works.length;
  const isAnthology = splitBy === 'anthology';
  return (
    <section aria-labelledby="volume-split-heading" data-volume-split={splitBy} className="space-y-3 rounded-lg bg-stone-50 px-4 py-3 ring-1 ring-line">
      <h2 id="volume-split-heading" className="font-medium text-ink">
        {isAnthology ? `This looks like a collection of ${count} pieces` : `This looks like a volume of ${count} works`}
      </h2>
      <p className="text-sm text-muted">
        {isAnthology
          ? 'Each piece has a title and ends with its author or source. They become separate works with the author, date, source and tags as their details, not as text.'
          : 'Its table of contents divides it into these parts; the editors’ front and back matter become parts of their own, so nothing is lost.'}
      </p>
      <ol aria-label="Works in the volume" tabIndex={0} className="max-h-64 space-y-1 overflow-y-auto rounded text-sm focus-visible:outline-2 focus-visible:outline-accent-700">
        {works.map((work, index) => (
          <li key={`${index}-${work.title}`} data-work-kind={work.kind} className="flex min-w-0 flex-wrap items-baseline gap-x-2">
            <span className={work.kind === 'work' ? 'min-w-0 break-words text-ink' : 'min-w-0 break-words text-muted'}>{work.title}</span>
            {work.firstPage && <span className="text-xs text-muted tabular-nums">p. {work.firstPage}</span>}
            {(work.author || work.dateText) && <span className="text-xs text-ink-soft">{[work.author, work.dateText].filter(Boolean).join(', ')}</span>}
            {work.source && <span className="min-w-0 break-all text-xs text-muted">{work.source}</span>}
            {workKindLabel(work.kind) && <span className="rounded bg-stone-200 px-1.5 text-xs text-ink-soft">{workKindLabel(work.kind)}</span>}
          </li>
        ))}
      </ol>
      <label className="flex items-center gap-3 font-medium text-ink">
        <input type="checkbox" checked={isSplit} onChange={(event) => onSplitChange(event.target.checked)} className="size-4 accent-accent-700" />
        Import as {count} separate works
      </label>
    </section>
  );
}
