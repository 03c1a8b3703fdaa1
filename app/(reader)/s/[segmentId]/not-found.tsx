import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { NotFoundPanel } from '@/components/feedback/not-found-panel';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notFound'))('passageTitle') };
}

/** A permalink to a segment that does not exist (any more). */
export default async function SegmentNotFound() {
  const t = await getTranslations('notFound');
  return (
    <NotFoundPanel title={t('passageHeading')}>
      <p>{t('passageText')}</p>
    </NotFoundPanel>
  );
}
