import Link from 'next/link';

import { readerHref } from '../reader/reader-href';
import { buttonClassName } from '../ui/button';
import { LanguageTabs } from '../work/language-tabs';
import { WorkBreadcrumb } from '../work/work-breadcrumb';

export interface EditorPageHeaderProps {
  work: { id: string; title: string; collectionId: string; collectionTitle: string; sourceLanguage: string };
  language: string;
  isSourceLanguage: boolean;
  /** The work's languages with their names, its source first. */
  languages: { language: string; name: string; isSource: boolean }[];
  /** The viewer may correct the original: a link to its list of suspected OCR errors (and, for a translation, to what the quality checks find in it). */
  canProofread?: boolean;
}

/** Above the segment editor: where we are, which language is being edited, and the way to switch. */
export function EditorPageHeader({ work, language, isSourceLanguage, languages, canProofread = false }: EditorPageHeaderProps) {
  const current = languages.find((entry) => entry.language === language);
  const source = languages.find((entry) => entry.isSource);
  return (
    <header className="pb-3">
      <WorkBreadcrumb work={work} />
      <div className="mt-1 flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
        <h1 className="font-serif text-xl font-semibold tracking-tight text-balance sm:text-2xl">
          {isSourceLanguage ? `Correct the ${current?.name ?? language} original` : `Translate into ${current?.name ?? language}`}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          {languages.length > 1 && (
            <LanguageTabs
              label="Language to edit"
              current={language}
              tabs={languages.map((entry) => ({
                language: entry.language,
                label: entry.isSource ? `${entry.name} (original)` : entry.name,
                href: `/works/${work.id}/edit?lang=${encodeURIComponent(entry.language)}`,
              }))}
            />
          )}
          {!isSourceLanguage && (
            <Link href={`/glossary?${new URLSearchParams({ collection: work.collectionId, source: work.sourceLanguage, target: language }).toString()}`} className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
              Glossary
            </Link>
          )}
          {isSourceLanguage && canProofread && (
            <Link href={`/works/${work.id}/proofread`} className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
              Suspected OCR errors
            </Link>
          )}
          {!isSourceLanguage && canProofread && (
            <Link href={`/works/${work.id}/checks?lang=${encodeURIComponent(language)}`} className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
              Quality checks
            </Link>
          )}
          <Link
            href={isSourceLanguage ? readerHref({ workId: work.id, mode: 'single', lang: language }) : readerHref({ workId: work.id, mode: 'parallel', target: language })}
            className={buttonClassName({ variant: 'secondary', size: 'sm' })}
          >
            {isSourceLanguage ? `Read the ${source?.name ?? 'original'}` : 'Read side by side'}
          </Link>
        </div>
      </div>
    </header>
  );
}
