import Link from 'next/link';

import { readerHref } from './reader-href';
import type { ReaderViewOptions } from './reader-view-options';
import { READING_MODE_LABELS, READING_MODES } from './reading-mode';
import { cn } from '../ui/cn';

/** Switches between the three reading modes, keeping the chosen languages. */
export function ModeTabs({ workId, view }: { workId: string; view: ReaderViewOptions }) {
  return (
    <nav aria-label="Reading mode">
      <ul className="inline-flex rounded-lg bg-stone-100 p-1">
        {READING_MODES.map((mode) => {
          const isCurrent = mode === view.mode;
          return (
            <li key={mode}>
              <Link
                href={readerHref({ workId, mode, lang: view.language, target: view.targetLanguage })}
                aria-current={isCurrent ? 'page' : undefined}
                title={READING_MODE_LABELS[mode].description}
                className={cn(
                  'block rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap transition-colors',
                  isCurrent ? 'bg-surface text-ink shadow-sm' : 'text-muted hover:text-ink',
                )}
              >
                {READING_MODE_LABELS[mode].tab}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
