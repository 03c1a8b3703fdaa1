'use client';

import type { MemoryMatch } from '@/lib/memory/types';

import type { MemoryState } from './use-memory-matches';
import { cn } from '../ui/cn';

const DATE = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' });

function provenanceOf(match: MemoryMatch): string {
  const date = DATE.format(new Date(match.provenance.date));
  if (match.provenance.origin === 'IMPORTED') return `Imported from ${match.provenance.file}${match.provenance.translator ? `, ${match.provenance.translator}` : ''}, ${date}`;
  const by = match.provenance.translator ? `, ${match.provenance.translator}` : '';
  return `${match.provenance.workTitle}${by}, approved ${date}`;
}

/**
 * The translation memory's matches for the draft being written: each with its percentage (and
 * "in context" for the same sentence between the same neighbours), how its original differs from
 * this one (struck: only in the stored original; underlined: only here), its translation, where
 * it comes from, and the key that inserts it as the draft.
 */
export function MemoryMatches({ state, onInsert, canInsert }: { state: MemoryState; onInsert: (match: MemoryMatch) => void; canInsert: boolean }) {
  if (state.status === 'idle') return null;
  if (state.status === 'loading') return <p className="mt-2 text-xs text-muted">Looking in the translation memory…</p>;
  if (state.status === 'error') return <p className="mt-2 text-xs text-red-700">Translation memory: {state.message}</p>;
  if (state.matches.length === 0) return <p data-memory-empty="" className="mt-2 text-xs text-muted">No match in the translation memory.</p>;
  return (
    <section aria-label="Translation memory" data-memory-matches="" className="mt-2 rounded-md border border-line bg-stone-50 text-sm">
      <ol className="divide-y divide-line">
        {state.matches.map((match, index) => (
          <li key={match.unitId} data-memory-match={match.percent} className="flex gap-3 px-3 py-2">
            <div className="flex w-14 shrink-0 flex-col items-start gap-1">
              <span className={cn('rounded px-1.5 py-0.5 text-xs font-semibold tabular-nums', match.percent === 100 ? 'bg-emerald-100 text-emerald-900' : 'bg-amber-100 text-amber-900')}>{match.percent}%</span>
              {match.isInContext && <span className="text-[0.6875rem] font-medium text-emerald-800">in context</span>}
            </div>
            <div className="min-w-0 flex-1 space-y-1">
              <p className="font-serif text-ink-soft" aria-label="Stored original compared with this one">
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
              <p className="text-xs text-muted">{provenanceOf(match)}</p>
            </div>
            {canInsert && (
              <button type="button" onClick={() => onInsert(match)} aria-keyshortcuts={`Alt+Shift+${index + 1}`} className="self-start rounded px-1.5 py-0.5 text-xs font-medium text-accent-700 hover:bg-accent-50 hover:text-accent-800">
                Insert <kbd data-keyboard-hint="" className="font-sans text-muted">Alt+Shift+{index + 1}</kbd>
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
