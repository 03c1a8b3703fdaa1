import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { NotFoundPanel } from '@/components/feedback/not-found-panel';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notFound'))('pageTitle') };
}

/** Unknown addresses and resources. */
export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <NotFoundPanel title={t('pageHeading')}>
      <p>{t('pageText')}</p>
    </NotFoundPanel>
  );
}
