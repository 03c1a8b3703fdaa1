import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** Previous and next links of a paged list. */
export function Pager({ page, pageCount, hrefOf, label }: { page: number; pageCount: number; hrefOf: (page: number) => string; label: string }) {
  const t = useTranslations('names.pager');
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-6 flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={hrefOf(page - 1)} className="font-medium text-accent-700 underline" rel="prev">
          {t('previous')}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted">
        {t('page', { page, count: pageCount })}
      </span>
      {page < pageCount ? (
        <Link href={hrefOf(page + 1)} className="font-medium text-accent-700 underline" rel="next">
          {t('next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
