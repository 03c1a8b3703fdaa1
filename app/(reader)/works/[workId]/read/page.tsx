import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';

import { loadReaderWindow } from '@/app/_lib/load-reader-window';
import { loadReadingSettings } from '@/app/_lib/load-reading-settings';
import { loadWorkOverview } from '@/app/_lib/load-work-overview';
import { languageNames } from '@/components/format/language-name';
import { ReaderToolbar } from '@/components/reader/reader-toolbar';
import { resolveReaderViewOptions } from '@/components/reader/reader-view-options';
import { SegmentReader } from '@/components/reader/segment-reader';
import { Alert } from '@/components/ui/alert';
import { readingSettingsAttributes } from '@/lib/reader/reading-settings';

type Props = { params: Promise<{ workId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const work = await loadWorkOverview((await params).workId);
  const { mode } = resolveReaderViewOptions(await searchParams, work);
  const [t, modes] = await Promise.all([getTranslations('reader'), getTranslations('readingModes')]);
  return { title: t('title', { title: work.title, mode: modes(`${mode}Title`) }) };
}

/** The reader: the first window of segments rendered here, the rest loaded as one scrolls. */
export default async function ReadPage({ params, searchParams }: Props) {
  const work = await loadWorkOverview((await params).workId);
  const requested = resolveReaderViewOptions(await searchParams, work);
  const { segmentWindow, isAtMissing } = await loadReaderWindow({ workId: work.id, languages: requested.languages, at: requested.at });
  const view = isAtMissing ? { ...requested, at: null } : requested;
  const names = languageNames(work.languages.map((entry) => entry.language), await getLocale());
  const t = await getTranslations('reader');
  return (
    <div className="px-4 py-8 sm:px-6" {...readingSettingsAttributes(await loadReadingSettings())}>
      <ReaderToolbar work={work} view={view} languageNames={names} />
      {isAtMissing && (
        <Alert tone="warning" className="mx-auto mb-6 max-w-2xl">
          {t('missingPassage')}
        </Alert>
      )}
      <SegmentReader key={`${view.mode}:${view.languages.join(',')}:${view.at ?? ''}`} workId={work.id} view={view} languageNames={names} initialWindow={segmentWindow} />
    </div>
  );
}
