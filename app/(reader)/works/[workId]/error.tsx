'use client';

import { useTranslations } from 'next-intl';

import { ErrorPanel } from '@/components/feedback/error-panel';

/** Error boundary of a work page and its reader. */
export default function WorkError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errorPage');
  return <ErrorPanel error={error} retry={retry} title={t('workTitle')} />;
}
