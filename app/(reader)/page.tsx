import { getTranslations } from 'next-intl/server';

import { getViewer } from '@/app/_lib/get-viewer';
import { CollectionSection } from '@/components/library/collection-section';
import { LibraryEmptyState } from '@/components/library/library-empty-state';
import { getActor } from '@/lib/auth/session';
import { findLibrary } from '@/lib/reader/find-library';


/** The public library: every collection with its works and their languages. */
export default async function LibraryPage() {
  const [collections, viewer] = await Promise.all([getActor().then((actor) => findLibrary({ actor })), getViewer()]);
  const t = await getTranslations('library');
  const hasWorks = collections.some((collection) => collection.works.length > 0 || collection.volumes.length > 0);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <header className="mb-10 max-w-2xl">
        <h1 className="font-serif text-3xl font-semibold tracking-tight text-ink sm:text-4xl">{t('title')}</h1>
        <p className="mt-3 text-lg leading-relaxed text-muted">
          {t('intro')}
        </p>
      </header>
      {hasWorks ? (
        <div className="space-y-12">
          {collections.map((collection) => (
            <CollectionSection key={collection.id} collection={collection} />
          ))}
        </div>
      ) : (
        <LibraryEmptyState viewer={viewer} />
      )}
    </div>
  );
}
