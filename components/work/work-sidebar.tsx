import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';

import type { WorkProgress } from '@/lib/progress/types';
import type { WorkOverview } from '@/lib/reader/types';

import { ContributorList } from './contributor-list';
import { FixAlignmentLink } from './fix-alignment-link';
import { WorkMetadata } from './work-metadata';
import { EditWorkLink } from '../editor/edit-work-link';
import { DownloadMenu } from '../export/download-menu';
import { languageLabel } from '../format/language-name';
import { LanguageProgressList } from '../library/language-progress-list';
import { Card } from '../ui/card';

/**
 * Beside a work's contents: its languages with progress and review figures (and the alignment
 * editor, for editors), its contributors, its record and the download menu.
 */
export function WorkSidebar({ work, progress }: { work: WorkOverview; progress?: WorkProgress }) {
  const t = useTranslations('work');
  const locale = useLocale();
  return (
    <aside className="space-y-6">
      <Card className="p-5">
        <h2 className="mb-3 font-serif text-lg font-semibold">{t('languages')}</h2>
        <LanguageProgressList languages={work.languages} figures={progress?.languages} />
        <EditWorkLink work={work} />
        <FixAlignmentLink work={work} />
      </Card>
      {progress && (
        <Card className="p-5">
          <h2 className="mb-3 font-serif text-lg font-semibold">{t('contributors')}</h2>
          <ContributorList contributors={progress.contributors} />
        </Card>
      )}
      <Card className="p-5">
        <h2 className="mb-1 font-serif text-lg font-semibold">{t('aboutText')}</h2>
        <WorkMetadata work={work} />
        <div className="mt-4">
          <DownloadMenu action={`/api/works/${work.id}/export`} languages={work.languages.map((entry) => ({ tag: entry.language, name: languageLabel(entry.language, locale) }))} />
        </div>
        <p className="mt-4 text-sm">
          <Link href={`/collections/${work.collection.id}/names`} className="font-medium text-accent-700 underline">
            {t('personsAndPlaces')}
          </Link>{' '}
          <span className="text-muted">{t('namedIn', { collection: work.collection.title })}</span>
        </p>
      </Card>
    </aside>
  );
}
