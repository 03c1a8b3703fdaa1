'use client';

import { useTranslations } from 'next-intl';

import { ErrorPanel } from '@/components/feedback/error-panel';

/** Error boundary of the segment editor. */
export default function EditError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('editor.editPage');
  return <ErrorPanel error={error} retry={retry} title={t('errorTitle')} />;
}
