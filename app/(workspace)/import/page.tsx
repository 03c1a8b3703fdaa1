import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { ImportForm } from '@/components/import/import-form';
import { ImportNotAllowed } from '@/components/import/import-not-allowed';
import { findCollectionChoices } from '@/lib/auth/find-collection-choices';
import { can, canSomewhere } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { formatBytes, MAX_UPLOAD_BYTES } from '@/lib/config/limits';

export const metadata: Metadata = { title: 'Import a text' };

/** Import a plain-text or Markdown work (editors and admins; others are told why not). */
export default async function ImportPage() {
  const actor = await getActor();
  if (actor.kind === 'anonymous') redirect('/sign-in?callbackUrl=/import');
  if (!canSomewhere(actor, 'work.import')) return <ImportNotAllowed />;
  const collections = await findCollectionChoices({ actor, action: 'work.import' });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Import a text</h1>
      <p className="mt-2 text-muted">
        Upload or paste a plain-text, Markdown or web-page file (up to {formatBytes(MAX_UPLOAD_BYTES)}; UTF-8 or a legacy Russian or Western encoding).
        Check the proposed cleanup, then import: it becomes a new work, split into headings, paragraphs and sentences; the original file is kept
        unchanged.
      </p>
      <p className="mt-2 text-sm text-muted">
        A translation memory from another tool (TMX) is imported on the{' '}
        <Link href="/admin/memory" className="font-medium text-accent-700 hover:underline">
          translation memory
        </Link>{' '}
        page.
      </p>
      <div className="mt-8">
        <ImportForm collections={collections.map((collection) => collection.title)} canCreateCollection={can(actor, 'collection.create')} />
      </div>
    </div>
  );
}
