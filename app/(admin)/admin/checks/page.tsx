import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { CheckSettingsForm } from '@/components/checks/check-settings-form';
import { getActor } from '@/lib/auth/session';
import { findCheckSettings } from '@/lib/checks/find-check-settings';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.checks');
  return { title: t('title') };
}

export const dynamic = 'force-dynamic';

/** The quality checks of each collection the viewer edits or administers: on or off, blocking or not. */
export default async function CheckSettingsPage() {
  const actor = await getActor();
  if (actor.kind === 'anonymous') redirect('/sign-in?callbackUrl=/admin/checks');
  const [collections, t] = await Promise.all([findCheckSettings({ actor }), getTranslations('admin')]);
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <Link href="/admin" className="text-sm text-muted hover:text-ink hover:underline">
        {t('backToMembers')}
      </Link>
      <h1 className="mt-2 font-serif text-3xl font-semibold tracking-tight">{t('checks.title')}</h1>
      <p className="mt-2 text-muted">
        {t('checks.intro')}
      </p>
      {collections.length === 0 ? (
        <p className="mt-10 text-muted">{t('checks.none')}</p>
      ) : (
        collections.map((entry) => <CheckSettingsForm key={entry.collection.id} collection={entry.collection} settings={entry.settings} />)
      )}
    </div>
  );
}
