import { useTranslations } from 'next-intl';

import { PageLoading } from '@/components/feedback/page-loading';

/** Shown while the segment editor loads its first rows. */
export default function Loading() {
  const t = useTranslations('editor.editPage');
  return <PageLoading label={t('loading')} />;
}
