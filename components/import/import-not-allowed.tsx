import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { buttonClassName } from '../ui/button';
import { Card } from '../ui/card';

/** Told to signed-in volunteers who open the import page: who may import, and how to become one. */
export function ImportNotAllowed() {
  const t = useTranslations('import.notAllowed');
  return (
    <div className="mx-auto max-w-xl px-4 py-16 sm:px-6">
      <Card className="p-8">
        <h1 className="font-serif text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-3 text-muted">{t('text')}</p>
        <p className="mt-3 text-muted">{t('canStill')}</p>
        <Link href="/" className={buttonClassName({ variant: 'secondary', className: 'mt-6' })}>
          {t('library')}
        </Link>
      </Card>
    </div>
  );
}
