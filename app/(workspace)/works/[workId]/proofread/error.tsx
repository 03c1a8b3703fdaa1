'use client';

import { useTranslations } from 'next-intl';

import { ErrorPanel } from '@/components/feedback/error-panel';

/** Error boundary of the list of suspected OCR errors. */
export default function ProofreadError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errorPage');
  return <ErrorPanel error={error} retry={retry} title={t('proofreadTitle')} />;
}
