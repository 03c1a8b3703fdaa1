import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

import { buttonClassName } from '../ui/button';

/** The body of a not-found page: what is missing, why that may be, and the way back. */
export function NotFoundPanel({ title, children }: { title: string; children?: ReactNode }) {
  const t = useTranslations('notFound');
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center sm:px-6">
      <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">{t('label')}</p>
      <h1 className="mt-2 font-serif text-2xl font-semibold">{title}</h1>
      {children && <div className="mt-3 text-muted">{children}</div>}
      <Link href="/" className={buttonClassName({ variant: 'secondary', className: 'mt-6' })}>
        {t('backToLibrary')}
      </Link>
    </div>
  );
}
