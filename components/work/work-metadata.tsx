import type { ReactElement } from 'react';

import type { WorkOverview } from '@/lib/reader/types';

import { languageName } from '../format/language-name';

/** The bibliographic record of a work as a description list; empty fields are left out. */
export function WorkMetadata({ work }: { work: WorkOverview }) {
  const rows: [string, string | ReactElement][] = [
    ['Author', work.author],
    ['Date', work.dateText],
    ['Original language', languageName(work.sourceLanguage)],
    ['Source edition', work.sourceEdition],
    // Stored only as http(s) (lib/import/schemas.ts), so the link cannot run a script.
    [
      'Source',
      work.sourceUrl && (
        <a href={work.sourceUrl} rel="noopener noreferrer nofollow" className="break-all text-accent-700 underline">
          {work.sourceUrl}
        </a>
      ),
    ],
    ['Provenance', work.provenance],
    ['Tags', work.tags.join(', ')],
    ['Licence', work.licence],
    ['Printed pages marked', work.pageCount > 0 ? work.pageCount.toLocaleString('en') : ''],
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
