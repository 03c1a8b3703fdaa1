import { useTranslations } from 'next-intl';

import type { ContributorFigures } from '@/lib/progress/types';

/** Contributors shown on the work page; the API lists more. */
const SHOWN = 10;

/** Who worked on a work: suggestions (published of made), reviews and comments, most published first. */
export function ContributorList({ contributors }: { contributors: readonly ContributorFigures[] }) {
  const t = useTranslations('work');
  if (contributors.length === 0) return <p className="text-sm text-muted">{t('noContributions')}</p>;
  return (
    <table className="w-full text-sm">
      <thead className="text-xs text-muted">
        <tr>
          <th scope="col" className="pb-1 text-left font-medium">{t('contributorName')}</th>
          <th scope="col" className="pb-1 text-right font-medium" title={t('suggestionsTitle')}>{t('suggestions')}</th>
          <th scope="col" className="pb-1 text-right font-medium" title={t('reviewsTitle')}>{t('reviews')}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {contributors.slice(0, SHOWN).map((person) => (
          <tr key={person.userId}>
            <td className="py-1.5 pr-2">
              {person.name}
              {person.comments > 0 && (
                <span className="block text-xs text-muted">
                  {t('commentCount', { count: person.comments })}
                </span>
              )}
            </td>
            <td className="py-1.5 text-right tabular-nums" title={t('pendingRejected', { pending: person.pending, rejected: person.rejected })}>
              {t('publishedOfSuggested', { published: person.published, suggested: person.suggested })}
            </td>
            <td className="py-1.5 text-right tabular-nums">{t('reviewCount', { count: person.reviews })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
