import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { WorkVolumePlace } from '@/lib/reader/types';

import { cn } from '../ui/cn';

export interface VolumeNavigationProps {
  volume: WorkVolumePlace;
  /** Where the neighbours open: their work page, or the reader (keeping the reading mode's query). */
  hrefOf: (workId: string) => string;
  className?: string;
}

/** "← Previous work · Contents of the volume · Next work →" for a work printed in a volume. */
export function VolumeNavigation({ volume, hrefOf, className }: VolumeNavigationProps) {
  const t = useTranslations('work');
  return (
    <nav aria-label={t('inThisVolume')} className={cn('flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2 text-sm', className)}>
      {volume.previous ? (
        <Link href={hrefOf(volume.previous.id)} rel="prev" className="max-w-[40%] truncate text-accent-700 hover:underline">
          ← <span className="sr-only">{t('previous')} </span>
          {volume.previous.title}
        </Link>
      ) : (
        <span />
      )}
      <Link href={`/volumes/${volume.id}`} className="text-muted hover:text-ink hover:underline">
        {t('volumeContents', { volume: volume.title })}
      </Link>
      {volume.next ? (
        <Link href={hrefOf(volume.next.id)} rel="next" className="max-w-[40%] truncate text-accent-700 hover:underline">
          <span className="sr-only">{t('next')} </span>
          {volume.next.title} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
