import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { AccountAccessForm } from '@/components/admin/account-access-form';
import { CollectionMembers } from '@/components/admin/collection-members';
import { CollectionSettingsLinks } from '@/components/admin/collection-settings-links';
import { CreateCollectionForm } from '@/components/admin/create-collection-form';
import { GettingStarted } from '@/components/admin/getting-started';
import { can, canSomewhere } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { findManagedCollections } from '@/lib/membership/find-managed-collections';
import { findGettingStarted } from '@/lib/membership/getting-started';

import { createCollectionAction, grantRole, revokeRole, setAccountDisabledAction } from './actions';
import { toggleGettingStarted } from './getting-started/actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.members');
  return { title: t('title') };
}

export const dynamic = 'force-dynamic';

/** Editors and admins of each collection the viewer manages; site admins also create collections. */
export default async function AdminPage() {
  const actor = await getActor();
  if (actor.kind === 'anonymous') redirect('/sign-in?callbackUrl=/admin');
  const [collections, gettingStarted] = await Promise.all([findManagedCollections({ actor }), findGettingStarted({ actor })]);
  const canCreate = can(actor, 'collection.create');
  const t = await getTranslations('admin.members');
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-3xl font-semibold tracking-tight">{t('title')}</h1>
        <div className="flex gap-4">
          {canSomewhere(actor, 'memory.import') && (
            <Link href="/admin/memory" className="text-sm font-medium text-accent-700 hover:underline">
              {t('memoryLink')}
            </Link>
          )}
          {canSomewhere(actor, 'check.configure') && (
            <Link href="/admin/checks" className="text-sm font-medium text-accent-700 hover:underline">
              {t('checksLink')}
            </Link>
          )}
          {canSomewhere(actor, 'audit.view') && (
            <Link href="/admin/audit" className="text-sm font-medium text-accent-700 hover:underline">
              {t('auditLink')}
            </Link>
          )}
        </div>
      </div>
      <p className="mt-2 text-muted">
        {t('intro')}
      </p>
      {gettingStarted && <GettingStarted state={gettingStarted} toggleAction={toggleGettingStarted} />}
      {canCreate && <CreateCollectionForm action={createCollectionAction} />}
      {can(actor, 'account.disable') && <AccountAccessForm action={setAccountDisabledAction} />}
      <CollectionSettingsLinks collections={collections} />
      {collections.length === 0 ? (
        <p className="mt-10 text-muted">{t('noCollections')}</p>
      ) : (
        collections.map((collection) => <CollectionMembers key={collection.id} collection={collection} grantAction={grantRole} revokeAction={revokeRole} />)
      )}
    </div>
  );
}
