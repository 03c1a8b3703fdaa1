import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { NotFoundPanel } from '@/components/feedback/not-found-panel';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notFound'))('workTitle') };
}

/** Unknown work ids (checked by the work layout before anything streams). */
export default async function WorkNotFound() {
  const t = await getTranslations('notFound');
  return (
    <NotFoundPanel title={t('workHeading')}>
      <p>{t('workText')}</p>
    </NotFoundPanel>
  );
}
