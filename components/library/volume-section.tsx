import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { LibraryVolume } from '@/lib/reader/types';

import { VolumeContents } from './volume-contents';

/** A volume in the library: its title (linking to its contents page), edition and works in printed order. */
export function VolumeSection({ volume }: { volume: LibraryVolume }) {
  const t = useTranslations('library');
  const headingId = `volume-${volume.id}`;
  const count = volume.works.filter((work) => work.part === 'WORK').length;
  const byline = [volume.author, volume.dateText, t('workCount', { count })].filter(Boolean).join(' · ');
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div>
        <h3 id={headingId} className="font-serif text-xl font-semibold text-ink">
          <Link href={`/volumes/${volume.id}`} className="hover:text-accent-700 hover:underline">
            {volume.title}
          </Link>
        </h3>
        <p className="mt-0.5 text-sm text-muted">{byline}</p>
        {volume.sourceEdition && volume.sourceEdition !== volume.title && <p className="text-sm text-muted">{volume.sourceEdition}</p>}
      </div>
      <VolumeContents works={volume.works} />
    </section>
  );
}
