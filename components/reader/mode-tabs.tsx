import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { readerHref } from './reader-href';
import type { ReaderViewOptions } from './reader-view-options';
import { READING_MODES } from './reading-mode';
import { cn } from '../ui/cn';

/** Switches between the three reading modes, keeping the chosen languages. */
export function ModeTabs({ workId, view }: { workId: string; view: ReaderViewOptions }) {
  const t = useTranslations('readingModes');
  return (
    <nav aria-label={t('navigation')}>
      <ul className="inline-flex rounded-lg bg-stone-100 p-1">
        {READING_MODES.map((mode) => {
          const isCurrent = mode === view.mode;
          return (
            <li key={mode}>
              <Link
                href={readerHref({ workId, mode, lang: view.language, target: view.targetLanguage })}
                aria-current={isCurrent ? 'page' : undefined}
                title={t(`${mode}Description`)}
                className={cn(
                  'block rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap transition-colors',
                  isCurrent ? 'bg-surface text-ink shadow-sm' : 'text-muted hover:text-ink',
                )}
              >
                {t(`${mode}Tab`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
