import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { readerHref } from '../reader/reader-href';
import { buttonClassName } from '../ui/button';
import { LanguageTabs } from '../work/language-tabs';
import { WorkBreadcrumb } from '../work/work-breadcrumb';

export interface AlignmentPageHeaderProps {
  work: { id: string; title: string; collectionTitle: string };
  language: string;
  /** The work's translations, with their names, for switching between them. */
  translations: { language: string; name: string }[];
  sourceName: string;
}

/** Above the alignment editor: where we are, which translation is being aligned, and the way to read the result. */
export function AlignmentPageHeader({ work, language, translations, sourceName }: AlignmentPageHeaderProps) {
  const t = useTranslations('align.header');
  const current = translations.find((entry) => entry.language === language);
  return (
    <header className="mb-6">
      <WorkBreadcrumb work={work} />
      <div className="mt-2 flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <div className="min-w-0">
          <h1 className="font-serif text-3xl font-semibold tracking-tight text-balance">{t('title')}</h1>
          <p className="mt-1 text-muted">{t('intro', { source: sourceName, target: current?.name ?? language })}</p>
        </div>
        <Link href={readerHref({ workId: work.id, mode: 'parallel', target: language })} className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
          {t('readSideBySide')}
        </Link>
      </div>
      {translations.length > 1 && (
        <LanguageTabs
          label={t('translation')}
          current={language}
          className="mt-4"
          tabs={translations.map((entry) => ({ language: entry.language, label: entry.name, href: `/works/${work.id}/align?lang=${encodeURIComponent(entry.language)}` }))}
        />
      )}
    </header>
  );
}
