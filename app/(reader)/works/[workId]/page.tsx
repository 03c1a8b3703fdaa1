import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { loadWorkOverview } from '@/app/_lib/load-work-overview';
import { loadWorkProgress } from '@/app/_lib/load-work-progress';
import { AddTranslationForm } from '@/components/work/add-translation-form';
import { ReadingModeLinks } from '@/components/work/reading-mode-links';
import { TableOfContents } from '@/components/work/table-of-contents';
import { VolumeNavigation } from '@/components/work/volume-navigation';
import { WorkSidebar } from '@/components/work/work-sidebar';
import { XliffImportForm } from '@/components/work/xliff-import-form';

type Props = { params: Promise<{ workId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const work = await loadWorkOverview((await params).workId);
  return { title: work.title, description: [work.author, work.dateText].filter(Boolean).join(', ') || undefined };
}

/** A work: its record, languages with progress and review figures, contributors, ways to read it, contents and download. */
export default async function WorkPage({ params }: Props) {
  const { workId } = await params;
  const [work, progress] = await Promise.all([loadWorkOverview(workId), loadWorkProgress(workId)]);
  const targetLanguage = work.languages.find((entry) => !entry.isSource)?.language ?? null;
  const byline = [work.author, work.dateText].filter(Boolean).join(' · ');
  const t = await getTranslations('work');
  return (
    <article className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <nav aria-label={t('breadcrumb')} className="text-sm text-muted">
        <Link href="/" className="hover:text-ink hover:underline">{t('library')}</Link> <span aria-hidden="true">/</span> {work.collection.title}
        {work.volume && (
          <>
            {' '}
            <span aria-hidden="true">/</span>{' '}
            <Link href={`/volumes/${work.volume.id}`} className="hover:text-ink hover:underline">
              {work.volume.title}
            </Link>
          </>
        )}
      </nav>
      <h1 className="mt-2 font-serif text-3xl font-semibold tracking-tight text-balance sm:text-4xl">{work.title}</h1>
      {byline && <p className="mt-2 text-lg text-muted">{byline}</p>}
      <section aria-label={t('waysToRead')} className="mt-8">
        <ReadingModeLinks workId={work.id} targetLanguage={targetLanguage} hasPages={work.pageCount > 0} />
      </section>
      <div className="mt-10 grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="contents-heading">
          <h2 id="contents-heading" className="mb-3 font-serif text-xl font-semibold">{t('contents')}</h2>
          <TableOfContents workId={work.id} entries={work.toc} />
        </section>
        <WorkSidebar work={work} progress={progress} />
      </div>
      {work.volume && <VolumeNavigation volume={work.volume} hrefOf={(id) => `/works/${id}`} className="mt-10 border-t border-line pt-5" />}
      {work.abilities.canSuggest && targetLanguage && (
        <details className="mt-10 rounded-lg border border-line bg-surface p-5 shadow-sm" data-testid="xliff-import">
          <summary className="cursor-pointer font-serif text-lg font-semibold">{t('xliffTitle')}</summary>
          <p className="mt-2 mb-5 text-sm text-muted">
            {t('xliffIntro')}
          </p>
          <XliffImportForm workId={work.id} />
        </details>
      )}
      {work.abilities.canImport && (
        <details className="mt-10 rounded-lg border border-line bg-surface p-5 shadow-sm">
          <summary className="cursor-pointer font-serif text-lg font-semibold">{t('addTranslation')}</summary>
          <p className="mt-2 mb-5 text-sm text-muted">{t('addTranslationIntro')}</p>
          <AddTranslationForm workId={work.id} />
        </details>
      )}
      {work.abilities.canImport && (
        <p className="mt-4 text-sm text-muted">
          {t.rich('rerunCleanup', {
            link: (chunks) => (
              <Link href={`/works/${work.id}/reimport`} className="font-medium text-accent-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
    </article>
  );
}
