import { useLocale, useTranslations } from 'next-intl';
import type { ReactElement } from 'react';

import type { WorkOverview } from '@/lib/reader/types';

import { languageLabel } from '../format/language-name';

/** The bibliographic record of a work as a description list; empty fields are left out. */
export function WorkMetadata({ work }: { work: WorkOverview }) {
  const t = useTranslations('work');
  const locale = useLocale();
  const rows: [string, string | ReactElement][] = [
    [t('author'), work.author],
    [t('date'), work.dateText],
    [t('originalLanguage'), languageLabel(work.sourceLanguage, locale)],
    [t('sourceEdition'), work.sourceEdition],
    // Stored only as http(s) (lib/import/schemas.ts), so the link cannot run a script.
    [
      t('source'),
      work.sourceUrl && (
        <a href={work.sourceUrl} rel="noopener noreferrer nofollow" className="break-all text-accent-700 underline">
          {work.sourceUrl}
        </a>
      ),
    ],
    [t('provenance'), work.provenance],
    [t('tags'), work.tags.join(', ')],
    [t('licence'), work.licence],
    [t('pagesMarked'), work.pageCount > 0 ? t('pageCount', { count: work.pageCount }) : ''],
  ];
  return (
    <dl className="divide-y divide-line text-sm">
      {rows
        .filter(([, value]) => value)
        .map(([term, value]) => (
          <div key={term} className="py-2.5">
            <dt className="text-xs font-medium text-muted">{term}</dt>
            <dd className="mt-0.5 text-ink">{value}</dd>
          </div>
        ))}
    </dl>
  );
}
