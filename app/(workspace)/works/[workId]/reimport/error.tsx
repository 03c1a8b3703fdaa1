'use client';

import { useTranslations } from 'next-intl';

import { ErrorPanel } from '@/components/feedback/error-panel';

/** Error boundary of the re-import page. */
export default function ReimportError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errorPage');
  return <ErrorPanel error={error} retry={retry} title={t('reimportTitle')} />;
}
