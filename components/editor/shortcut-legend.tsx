import { useTranslations } from 'next-intl';

import { SHORTCUTS, type EditorCommand } from './keyboard-shortcuts';
import { cn } from '../ui/cn';

function Keys({ keys }: { keys: string[] }) {
  return (
    <span className="inline-flex items-center gap-0.5">
      {keys.map((key) => (
        <kbd key={key} className="rounded border border-line-strong bg-surface px-1 font-sans text-[0.6875rem] leading-4 text-ink-soft shadow-[0_1px_0_var(--color-line-strong)]">
          {key}
        </kbd>
      ))}
    </span>
  );
}

/** The keyboard shortcuts, always in view above the rows (⌘ works wherever Ctrl is shown); `hidden` ones the viewer may not use. Not shown on touch screens. */
export function ShortcutLegend({ className, hidden = [] }: { className?: string; hidden?: readonly EditorCommand[] }) {
  const t = useTranslations('editor.shortcutLegend');
  const labels = useTranslations('editor.keyboardShortcuts');
  return (
    <ul aria-label={t('label')} data-keyboard-hint="" className={cn('flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted', className)}>
      {SHORTCUTS.filter((shortcut) => !hidden.includes(shortcut.command)).map((shortcut) => (
        <li key={shortcut.command} className="inline-flex items-center gap-1.5">
          {shortcut.keys.map((keys, index) => (
            <span key={keys.join('+')} className="inline-flex items-center gap-1">
              {index > 0 && <span aria-hidden="true">{t('or')}</span>}
              <Keys keys={keys} />
            </span>
          ))}
          <span>{labels(shortcut.command)}</span>
        </li>
      ))}
      <li className="text-muted">{t('mac')}</li>
    </ul>
  );
}
