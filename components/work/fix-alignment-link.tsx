import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { WorkOverview } from '@/lib/reader/types';

import { buttonClassName } from '../ui/button';

/**
 * The way into the alignment editor, for those who may fix alignments (editors and admins of the
 * collection, who are also those who may import: the overview's abilities carry no separate
 * alignment flag), and only once the work has a translation.
 */
export function FixAlignmentLink({ work }: { work: Pick<WorkOverview, 'id' | 'languages' | 'abilities'> }) {
  const translation = work.languages.find((entry) => !entry.isSource);
  const t = useTranslations('work');
  if (!work.abilities.canAlign || !translation) return null;
  return (
    <Link href={`/works/${work.id}/align?lang=${encodeURIComponent(translation.language)}`} className={buttonClassName({ variant: 'secondary', size: 'sm', className: 'mt-4' })}>
      {t('fixAlignment')}
    </Link>
  );
}
