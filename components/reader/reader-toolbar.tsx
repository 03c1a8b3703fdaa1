import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { LanguageProgress, WorkVolumePlace } from '@/lib/reader/types';

import { CiteWorkButton } from './cite-work-button';
import { LanguagePicker } from './language-picker';
import { ModeTabs } from './mode-tabs';
import { READER_TOOLBAR_CLASS } from './reader-column';
import { readerHref } from './reader-href';
import type { ReaderViewOptions } from './reader-view-options';
import { ReadingSettings } from './reading-settings';
import { translationCredit } from './translation-credit';
import { cn } from '../ui/cn';
import { VolumeNavigation } from '../work/volume-navigation';

export interface ReaderToolbarProps {
  work: { id: string; title: string; author: string; sourceLanguage: string; languages: LanguageProgress[]; volume: WorkVolumePlace | null };
  view: ReaderViewOptions;
  languageNames: Record<string, string>;
}

/**
 * Above the text: the work's title (back to its page), its neighbours and contents in its volume,
 * the reading modes, the language choice and "Cite".
 */
export function ReaderToolbar({ work, view, languageNames }: ReaderToolbarProps) {
  const t = useTranslations('reader');
  const nameOf = (language: string) => languageNames[language] ?? language;
  const translations = work.languages.filter((entry) => !entry.isSource).map((entry) => ({ value: entry.language, label: nameOf(entry.language) }));
  const all = work.languages.map((entry) => ({ value: entry.language, label: entry.isSource ? t('originalOption', { language: nameOf(entry.language) }) : nameOf(entry.language) }));
  const shown = view.mode === 'parallel' ? view.targetLanguage : view.mode === 'single' ? view.language : null;
  const shownEntry = work.languages.find((entry) => entry.language === shown && !entry.isSource);
  const credit = shownEntry ? translationCredit(shownEntry, work.sourceLanguage, nameOf, t) : null;
  return (
    <div className={cn('mx-auto mb-8', READER_TOOLBAR_CLASS[view.mode])}>
      <div className="border-b border-line pb-5">
      <p className="text-sm text-muted">
        <Link href={`/works/${work.id}`} className="hover:text-ink hover:underline">
          {t('aboutWork')}
        </Link>
      </p>
      {work.volume && (
        <VolumeNavigation
          volume={work.volume}
          hrefOf={(id) => readerHref({ workId: id, mode: view.mode, lang: view.language, target: view.targetLanguage })}
          className="mt-2"
        />
      )}
      <h1 className="mt-1 font-serif text-2xl font-semibold tracking-tight text-balance sm:text-3xl">{work.title}</h1>
      {work.author && <p className="mt-1 text-muted">{work.author}</p>}
      <div className="mt-5 flex flex-wrap items-center gap-x-6 gap-y-3">
        <ModeTabs workId={work.id} view={view} />
        {view.mode === 'single' && all.length > 1 && <LanguagePicker workId={work.id} mode="single" label={t('language')} value={view.language} options={all} />}
        {view.mode === 'parallel' && translations.length > 0 && view.targetLanguage && (
          <LanguagePicker workId={work.id} mode="parallel" label={t('translation')} value={view.targetLanguage} options={translations} />
        )}
        {view.mode === 'parallel' && translations.length === 0 && <p className="text-sm text-muted">{t('noTranslation')}</p>}
        {credit && <p className="w-full text-sm text-muted">{credit}</p>}
        {view.mode === 'pages' && <p className="text-sm text-muted">{t('pagesNote', { language: nameOf(work.sourceLanguage) })}</p>}
        <form action="/search" method="get" role="search" aria-label={t('findInWork')} className="flex items-center gap-1">
          <input type="hidden" name="work" value={work.id} />
          <label htmlFor="find-in-work" className="sr-only">
            {t('findInWork')}
          </label>
          <input
            id="find-in-work"
            type="search"
            name="q"
            maxLength={200}
            placeholder={t('findInWork')}
            className="h-8 w-44 rounded-md border border-line-strong bg-surface px-2 text-sm focus-visible:outline-2 focus-visible:outline-accent-600/40"
          />
        </form>
        <CiteWorkButton workId={work.id} languages={[...new Set([shown ?? work.sourceLanguage, work.sourceLanguage])]} languageNames={languageNames} />
        <ReadingSettings />
      </div>
      </div>
    </div>
  );
}
