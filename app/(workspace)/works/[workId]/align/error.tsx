'use client';

import { useTranslations } from 'next-intl';

import { ErrorPanel } from '@/components/feedback/error-panel';

/** Error boundary of the alignment editor. */
export default function AlignError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errorPage');
  return <ErrorPanel error={error} retry={retry} title={t('alignTitle')} />;
}
