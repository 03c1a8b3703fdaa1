import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { buttonClassName } from '../ui/button';

/** What a printed page's address shows when the work has no such page: why, and the way to the work. */
export function MissingPagePanel({ message, workUrl }: { message: string; workUrl: string }) {
  const t = useTranslations('reader');
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center sm:px-6">
      <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">{t('noSuchPage')}</p>
      <h1 className="mt-2 font-serif text-2xl font-semibold">{t('pageNotInWork')}</h1>
      <p className="mt-3 text-muted">{message}</p>
      <Link href={workUrl} className={buttonClassName({ variant: 'secondary', className: 'mt-6' })}>
        {t('aboutWorkButton')}
      </Link>
    </div>
  );
}
