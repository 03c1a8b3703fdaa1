'use client';

import { useTranslations } from 'next-intl';

import type { MemoryMatch } from '@/lib/memory/types';

import type { MemoryState } from './use-memory-matches';
import { cn } from '../ui/cn';

/** The memory's messages (`useTranslations('editor.memoryMatches')`). */
type MemoryTranslator = ReturnType<typeof useTranslations<'editor.memoryMatches'>>;

/** Where a match comes from: the memory file it was imported from, or the work whose approved text it is; who translated it and when. */
function provenanceOf(match: MemoryMatch, t: MemoryTranslator): string {
  const { provenance } = match;
  const date = new Date(provenance.date);
  if (provenance.origin === 'IMPORTED') return provenance.translator ? t('importedBy', { file: provenance.file, translator: provenance.translator, date }) : t('imported', { file: provenance.file, date });
  return provenance.translator ? t('approvedBy', { work: provenance.workTitle, translator: provenance.translator, date }) : t('approved', { work: provenance.workTitle, date });
}

/**
 * The translation memory's matches for the draft being written: each with its percentage (and
 * "in context" for the same sentence between the same neighbours), how its original differs from
 * this one (struck: only in the stored original; underlined: only here), its translation, where
 * it comes from, and the key that inserts it as the draft.
 */
export function MemoryMatches({ state, onInsert, canInsert }: { state: MemoryState; onInsert: (match: MemoryMatch) => void; canInsert: boolean }) {
  const t = useTranslations('editor.memoryMatches');
  if (state.status === 'idle') return null;
  if (state.status === 'loading') return <p className="mt-2 text-xs text-muted">{t('loading')}</p>;
  if (state.status === 'error') return <p className="mt-2 text-xs text-red-700">{t('error', { message: state.message })}</p>;
  if (state.matches.length === 0) return <p data-memory-empty="" className="mt-2 text-xs text-muted">{t('empty')}</p>;
  return (
    <section aria-label={t('label')} data-memory-matches="" className="mt-2 rounded-md border border-line bg-stone-50 text-sm">
      <ol className="divide-y divide-line">
        {state.matches.map((match, index) => (
          <li key={match.unitId} data-memory-match={match.percent} className="flex gap-3 px-3 py-2">
            <div className="flex w-14 shrink-0 flex-col items-start gap-1">
              <span className={cn('rounded px-1.5 py-0.5 text-xs font-semibold tabular-nums', match.percent === 100 ? 'bg-emerald-100 text-emerald-900' : 'bg-amber-100 text-amber-900')}>{t('percent', { percent: match.percent / 100 })}</span>
              {match.isInContext && <span className="text-[0.6875rem] font-medium text-emerald-800">{t('inContext')}</span>}
            </div>
            <div className="min-w-0 flex-1 space-y-1">
              <p className="font-serif text-ink-soft" aria-label={t('diffLabel')}>
                {match.diff.map((op, opIndex) =>
                  op.kind === 'equal' ? (
                    <span key={opIndex}>{op.text}</span>
                  ) : op.kind === 'delete' ? (
                    <del key={opIndex} className="bg-red-50 text-red-800">
                      {op.text}
                    </del>
                  ) : (
                    <ins key={opIndex} className="bg-emerald-50 text-emerald-900">
                      {op.text}
                    </ins>
                  ),
                )}
              </p>
              <p className="font-serif text-ink">{match.targetText}</p>
              <p className="text-xs text-muted">{provenanceOf(match, t)}</p>
            </div>
            {canInsert && (
              <button type="button" onClick={() => onInsert(match)} aria-keyshortcuts={`Alt+Shift+${index + 1}`} className="self-start rounded px-1.5 py-0.5 text-xs font-medium text-accent-700 hover:bg-accent-50 hover:text-accent-800">
                {t.rich('insert', {
                  number: index + 1,
                  kbd: (chunks) => (
                    <kbd data-keyboard-hint="" className="font-sans text-muted">
                      {chunks}
                    </kbd>
                  ),
                })}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
