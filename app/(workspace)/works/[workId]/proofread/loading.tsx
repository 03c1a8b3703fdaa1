import { useTranslations } from 'next-intl';

import { PageLoading } from '@/components/feedback/page-loading';

/** Shown while the work's words are checked (the first time a few seconds). */
export default function Loading() {
  const t = useTranslations('errorPage');
  return <PageLoading label={t('proofreadLoading')} />;
}
