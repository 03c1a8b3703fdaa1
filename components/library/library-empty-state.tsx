import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { Viewer } from '../layout/viewer';
import { buttonClassName } from '../ui/button';
import { Card } from '../ui/card';

/** What an empty library says: how to import (for those who may), or how to get there. */
export function LibraryEmptyState({ viewer }: { viewer: Viewer | null }) {
  const t = useTranslations('library');
  return (
    <Card className="mx-auto max-w-xl p-8 text-center">
      <h2 className="font-serif text-xl font-semibold">{t('emptyTitle')}</h2>
      {viewer?.canImport ? (
        <>
          <p className="mt-2 text-muted">
            {t('emptyImport')}
          </p>
          <Link href="/import" className={buttonClassName({ className: 'mt-6' })}>
            {t('importText')}
          </Link>
        </>
      ) : viewer ? (
        <p className="mt-2 text-muted">{t('emptySignedIn')}</p>
      ) : (
        <>
          <p className="mt-2 text-muted">{t('emptyAnonymous')}</p>
          <Link href="/sign-in?callbackUrl=/import" className={buttonClassName({ variant: 'secondary', className: 'mt-6' })}>
            {t('signInToImport')}
          </Link>
        </>
      )}
    </Card>
  );
}
