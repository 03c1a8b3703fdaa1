import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';

import { formatByteSize } from '@/components/format/byte-size';
import { ImportForm } from '@/components/import/import-form';
import { ImportNotAllowed } from '@/components/import/import-not-allowed';
import { findCollectionChoices } from '@/lib/auth/find-collection-choices';
import { can, canSomewhere } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { MAX_UPLOAD_BYTES } from '@/lib/config/limits';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('import.page'))('title') };
}

/** Import a plain-text or Markdown work (editors and admins; others are told why not). */
export default async function ImportPage() {
  const actor = await getActor();
  if (actor.kind === 'anonymous') redirect('/sign-in?callbackUrl=/import');
  if (!canSomewhere(actor, 'work.import')) return <ImportNotAllowed />;
  const collections = await findCollectionChoices({ actor, action: 'work.import' });
  const [t, format] = await Promise.all([getTranslations('import.page'), getFormatter()]);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('intro', { limit: formatByteSize(MAX_UPLOAD_BYTES, format) })}</p>
      <p className="mt-2 text-sm text-muted">
        {t.rich('memory', {
          link: (chunks) => (
            <Link href="/admin/memory" className="font-medium text-accent-700 hover:underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <div className="mt-8">
        <ImportForm collections={collections.map((collection) => collection.title)} canCreateCollection={can(actor, 'collection.create')} />
      </div>
    </div>
  );
}
