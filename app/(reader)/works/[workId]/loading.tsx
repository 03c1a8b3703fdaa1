import { useTranslations } from 'next-intl';

import { PageLoading } from '@/components/feedback/page-loading';

/** Shown while a work page or its reader loads. */
export default function Loading() {
  const t = useTranslations('errorPage');
  return <PageLoading label={t('workLoading')} />;
}
