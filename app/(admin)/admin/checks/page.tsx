import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { CheckSettingsForm } from '@/components/checks/check-settings-form';
import { getActor } from '@/lib/auth/session';
import { findCheckSettings } from '@/lib/checks/find-check-settings';

export const metadata: Metadata = { title: 'Quality checks' };
export const dynamic = 'force-dynamic';

/** The quality checks of each collection the viewer edits or administers: on or off, blocking or not. */
export default async function CheckSettingsPage() {
  const actor = await getActor();
  if (actor.kind === 'anonymous') redirect('/sign-in?callbackUrl=/admin/checks');
  const collections = await findCheckSettings({ actor });
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <Link href="/admin" className="text-sm text-muted hover:text-ink hover:underline">
        ← Members and roles
      </Link>
      <h1 className="mt-2 font-serif text-3xl font-semibold tracking-tight">Quality checks</h1>
      <p className="mt-2 text-muted">
        The checks look at every translation as it is typed, in the review queue and on each work’s list of findings, so that reviewers can read for
        meaning. Switch off a check a collection does not need. A blocking check holds a draft back: it cannot be submitted or published until its
        findings are fixed or an editor dismisses them.
      </p>
      {collections.length === 0 ? (
        <p className="mt-10 text-muted">Only editors and admins of a collection set its checks.</p>
      ) : (
        collections.map((entry) => <CheckSettingsForm key={entry.collection.id} collection={entry.collection} settings={entry.settings} />)
      )}
    </div>
  );
}
