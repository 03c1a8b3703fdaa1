import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { WorkOverview } from '@/lib/reader/types';

import { buttonClassName } from '../ui/button';

/** The way into the segment editor, for those who may edit texts: its first translation, else the original. */
export function EditWorkLink({ work }: { work: Pick<WorkOverview, 'id' | 'languages' | 'abilities'> }) {
  const t = useTranslations('editor.editWorkLink');
  if (!work.abilities.canEdit) return null;
  const language = work.languages.find((entry) => !entry.isSource)?.language ?? work.languages.find((entry) => entry.isSource)?.language;
  return (
    <Link href={`/works/${work.id}/edit${language ? `?lang=${encodeURIComponent(language)}` : ''}`} className={buttonClassName({ variant: 'primary', size: 'sm', className: 'mt-4 mr-2' })}>
      {t('label')}
    </Link>
  );
}
