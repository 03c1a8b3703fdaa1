'use client';

import { useTranslations } from 'next-intl';

import { ErrorPanel } from '@/components/feedback/error-panel';

/** Error boundary of a work's list of findings. */
export default function ChecksError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errorPage');
  return <ErrorPanel error={error} retry={retry} title={t('checksTitle')} />;
}
