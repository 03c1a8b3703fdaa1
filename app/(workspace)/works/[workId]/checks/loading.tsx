import { useTranslations } from 'next-intl';

import { PageLoading } from '@/components/feedback/page-loading';

/** Shown while the translation is checked. */
export default function Loading() {
  const t = useTranslations('errorPage');
  return <PageLoading label={t('checksLoading')} />;
}
