import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { LibraryCollection } from '@/lib/reader/types';

import { VolumeSection } from './volume-section';
import { WorkCard } from './work-card';

/** A collection heading with its volumes (works in printed order) and the grid of its other works. */
export function CollectionSection({ collection }: { collection: LibraryCollection }) {
  const t = useTranslations('library');
  const e = useTranslations('emptyStates');
  const headingId = `collection-${collection.slug}`;
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div>
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <h2 id={headingId} className="font-serif text-2xl font-semibold text-ink">
            {collection.title}
          </h2>
          <Link href={`/glossary?collection=${collection.id}`} className="text-sm text-muted hover:text-ink hover:underline">
            {t('glossary')}
          </Link>
        </div>
        {collection.description && <p className="mt-1 max-w-2xl text-muted">{collection.description}</p>}
        <Link href={`/collections/${collection.id}/names`} className="mt-1 inline-block text-sm font-medium text-accent-700 underline">
          {t('personsAndPlaces')}
        </Link>
      </div>
      {collection.volumes.map((volume) => (
        <VolumeSection key={volume.id} volume={volume} />
      ))}
      {collection.works.length === 0 ? (
        collection.volumes.length === 0 && <p className="text-sm text-muted">{e('collectionNoWorks')}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {collection.works.map((work) => (
            <li key={work.id}>
              <WorkCard work={work} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
