import { useTranslations } from 'next-intl';

import { describeSaveState, type SaveState } from '@/lib/collab/client/save-state';

import { cn } from '../ui/cn';

const DOTS: Record<SaveState['kind'], string> = {
  saved: 'bg-emerald-600',
  saving: 'bg-amber-500 animate-pulse',
  connecting: 'bg-stone-400 animate-pulse',
  offline: 'bg-red-600',
  readonly: 'bg-stone-400',
  refused: 'bg-red-600',
};

/** Whether every draft typed here is on the server: saved, saving, or kept in this browser while offline. */
export function SaveIndicator({ state }: { state: SaveState }) {
  const t = useTranslations('editor.saveIndicator');
  return (
    <p role="status" aria-live="polite" data-save-state={state.kind} className="inline-flex min-w-0 items-center gap-2 text-sm whitespace-nowrap text-ink-soft">
      <span aria-hidden="true" className={cn('h-2 w-2 shrink-0 rounded-full', DOTS[state.kind])} />
      <span className="truncate">{describeSaveState(state, t)}</span>
    </p>
  );
}
