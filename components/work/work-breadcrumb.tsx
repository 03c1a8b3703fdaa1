import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** Library / collection / work: where a tool page of a work stands. */
export function WorkBreadcrumb({ work }: { work: { id: string; title: string; collectionTitle: string } }) {
  const t = useTranslations('work');
  return (
    <nav aria-label={t('breadcrumb')} className="text-sm text-muted">
      <Link href="/" className="hover:text-ink hover:underline">
        {t('library')}
      </Link>{' '}
      <span aria-hidden="true">/</span> {work.collectionTitle} <span aria-hidden="true">/</span>{' '}
      <Link href={`/works/${work.id}`} className="hover:text-ink hover:underline">
        {work.title}
      </Link>
    </nav>
  );
}
