'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

import { Button, buttonClassName } from '../ui/button';

export interface ErrorPanelProps {
  error: unknown;
  retry: () => void;
  title?: string;
}

/**
 * What an error boundary shows: a plain explanation, a retry and a way home. Server errors arrive
 * without their message in production, so the text does not depend on it; the digest helps the
 * operator find the log line.
 */
export function ErrorPanel({ error, retry, title }: ErrorPanelProps) {
  const t = useTranslations('errorPage');
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center sm:px-6">
      <h1 className="font-serif text-2xl font-semibold">{title ?? t('title')}</h1>
      <p className="mt-3 text-muted">{t('text')}</p>
      {digest && <p className="mt-2 text-xs text-muted">{t('reference', { digest })}</p>}
      <div className="mt-6 flex justify-center gap-3">
        <Button onClick={retry}>{t('tryAgain')}</Button>
        <Link href="/" className={buttonClassName({ variant: 'secondary' })}>
          {t('backToLibrary')}
        </Link>
      </div>
    </div>
  );
}
