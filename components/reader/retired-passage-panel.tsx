import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { buttonClassName } from '../ui/button';

/**
 * What a permalink to a passage a later re-import retired shows instead of the reader: that a
 * cleanup removed it, that nothing was lost, and the way to where it stood.
 */
export function RetiredPassagePanel({ readerUrl }: { readerUrl: string }) {
  const t = useTranslations('reader');
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center sm:px-6">
      <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">{t('removed')}</p>
      <h1 className="mt-2 font-serif text-2xl font-semibold">{t('removedTitle')}</h1>
      <div className="mt-3 text-muted">
        <p>{t('removedText')}</p>
      </div>
      <Link href={readerUrl} className={buttonClassName({ variant: 'secondary', className: 'mt-6' })}>
        {t('readWhereItStood')}
      </Link>
    </div>
  );
}
