import type { Metadata } from 'next';

import { loadReaderWindow } from '@/app/_lib/load-reader-window';
import { loadReadingSettings } from '@/app/_lib/load-reading-settings';
import { loadWorkOverview } from '@/app/_lib/load-work-overview';
import { languageNames } from '@/components/format/language-name';
import { ReaderToolbar } from '@/components/reader/reader-toolbar';
import { resolveReaderViewOptions } from '@/components/reader/reader-view-options';
import { READING_MODE_LABELS } from '@/components/reader/reading-mode';
import { SegmentReader } from '@/components/reader/segment-reader';
import { Alert } from '@/components/ui/alert';
import { readingSettingsAttributes } from '@/lib/reader/reading-settings';

type Props = { params: Promise<{ workId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const work = await loadWorkOverview((await params).workId);
  const { mode } = resolveReaderViewOptions(await searchParams, work);
  return { title: `${work.title} — ${READING_MODE_LABELS[mode].title}` };
}

/** The reader: the first window of segments rendered here, the rest loaded as one scrolls. */
export default async function ReadPage({ params, searchParams }: Props) {
  const work = await loadWorkOverview((await params).workId);
  const requested = resolveReaderViewOptions(await searchParams, work);
  const { segmentWindow, isAtMissing } = await loadReaderWindow({ workId: work.id, languages: requested.languages, at: requested.at });
  const view = isAtMissing ? { ...requested, at: null } : requested;
  const names = languageNames(work.languages.map((entry) => entry.language));
  return (
    <div className="px-4 py-8 sm:px-6" {...readingSettingsAttributes(await loadReadingSettings())}>
      <ReaderToolbar work={work} view={view} languageNames={names} />
      {isAtMissing && (
        <Alert tone="warning" className="mx-auto mb-6 max-w-2xl">
          The passage you were linked to is no longer in this work (it may have been merged or removed). Showing the beginning.
        </Alert>
      )}
      <SegmentReader key={`${view.mode}:${view.languages.join(',')}:${view.at ?? ''}`} workId={work.id} view={view} languageNames={names} initialWindow={segmentWindow} />
    </div>
  );
}
