import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { readerHref } from '../reader/reader-href';
import { READING_MODES, type ReadingMode } from '../reader/reading-mode';

export interface ReadingModeLinksProps {
  workId: string;
  /** First translation, for the parallel link; parallel is still offered without one. */
  targetLanguage: string | null;
  hasPages: boolean;
}

const ICONS: Record<ReadingMode, string> = { single: '¶', parallel: '⇆', pages: '§' };

/** The three ways into the reader, as large links. */
export function ReadingModeLinks({ workId, targetLanguage, hasPages }: ReadingModeLinksProps) {
  const t = useTranslations('readingModes');
  return (
    <ul className="grid gap-3 sm:grid-cols-3">
      {READING_MODES.map((mode) => {
        const [title, description] = [t(`${mode}Title`), t(`${mode}Description`)];
        const note = mode === 'parallel' && !targetLanguage ? t('noTranslation') : mode === 'pages' && !hasPages ? t('noPages') : null;
        return (
          <li key={mode}>
            <Link
              href={readerHref({ workId, mode, target: mode === 'parallel' ? targetLanguage : null })}
              className="flex h-full gap-3 rounded-lg border border-line bg-surface p-4 shadow-xs transition hover:border-accent-200 hover:bg-accent-50/50"
            >
              <span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-md bg-accent-50 font-serif text-lg text-accent-700">
                {ICONS[mode]}
              </span>
              <span>
                <span className="block font-medium text-ink">{title}</span>
                <span className="mt-0.5 block text-sm text-muted">{description}</span>
                {note && <span className="mt-1 block text-xs text-muted italic">{note}</span>}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
