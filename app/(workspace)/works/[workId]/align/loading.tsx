import { useTranslations } from 'next-intl';

import { PageLoading } from '@/components/feedback/page-loading';

/** Shown while the alignment editor loads its first rows. */
export default function Loading() {
  const t = useTranslations('errorPage');
  return <PageLoading label={t('alignLoading')} />;
}
