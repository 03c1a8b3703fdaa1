import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';

import { languageName } from '../format/language-name';
import { readerHref } from '../reader/reader-href';
import { buttonClassName } from '../ui/button';
import { LanguageTabs } from '../work/language-tabs';
import { WorkBreadcrumb } from '../work/work-breadcrumb';

export interface EditorPageHeaderProps {
  work: { id: string; title: string; collectionId: string; collectionTitle: string; sourceLanguage: string };
  language: string;
  isSourceLanguage: boolean;
  /** The work's languages with their names as labels (`languageLabel`), its source first. */
  languages: { language: string; name: string; isSource: boolean }[];
  /** The viewer may correct the original: a link to its list of suspected OCR errors (and, for a translation, to what the quality checks find in it). */
  canProofread?: boolean;
}

/** Above the segment editor: where we are, which language is being edited, and the way to switch. */
export function EditorPageHeader({ work, language, isSourceLanguage, languages, canProofread = false }: EditorPageHeaderProps) {
  const t = useTranslations('editor.editorPageHeader');
  const locale = useLocale();
  const source = languages.find((entry) => entry.isSource);
  return (
    <header className="pb-3">
      <WorkBreadcrumb work={work} />
      <div className="mt-1 flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
        <h1 className="font-serif text-xl font-semibold tracking-tight text-balance sm:text-2xl">
          {isSourceLanguage ? t('correctOriginal', { language: languageName(language, locale) }) : t('translateInto', { language: languageName(language, locale) })}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          {languages.length > 1 && (
            <LanguageTabs
              label={t('languageToEdit')}
              current={language}
              tabs={languages.map((entry) => ({
                language: entry.language,
                label: entry.isSource ? t('originalTab', { language: entry.name }) : entry.name,
                href: `/works/${work.id}/edit?lang=${encodeURIComponent(entry.language)}`,
              }))}
            />
          )}
          {!isSourceLanguage && (
            <Link href={`/glossary?${new URLSearchParams({ collection: work.collectionId, source: work.sourceLanguage, target: language }).toString()}`} className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
              {t('glossary')}
            </Link>
          )}
          {isSourceLanguage && canProofread && (
            <Link href={`/works/${work.id}/proofread`} className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
              {t('proofread')}
            </Link>
          )}
          {!isSourceLanguage && canProofread && (
            <Link href={`/works/${work.id}/checks?lang=${encodeURIComponent(language)}`} className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
              {t('checks')}
            </Link>
          )}
          <Link
            href={isSourceLanguage ? readerHref({ workId: work.id, mode: 'single', lang: language }) : readerHref({ workId: work.id, mode: 'parallel', target: language })}
            className={buttonClassName({ variant: 'secondary', size: 'sm' })}
          >
            {isSourceLanguage ? (source ? t('readSource', { language: languageName(source.language, locale) }) : t('readOriginal')) : t('readParallel')}
          </Link>
        </div>
      </div>
    </header>
  );
}
