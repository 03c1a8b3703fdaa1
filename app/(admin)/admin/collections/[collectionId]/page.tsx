import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { InvitationForm } from '@/components/admin/invitation-form';
import { InvitationList } from '@/components/admin/invitation-list';
import { ReviewRulesForm } from '@/components/admin/review-rules-form';
import { getActor } from '@/lib/auth/session';
import { INVITATION_EXPIRY_DAYS, MAX_INVITATION_USES } from '@/lib/config/limits';
import { isUuid } from '@/lib/db/uuid';
import { findCollectionSettings } from '@/lib/membership/find-collection-settings';
import { findInvitations } from '@/lib/membership/find-invitations';

import { createInvitationAction, revokeInvitationAction, setReviewRulesAction } from './actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ collectionId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('invitations'))('settingsTitle') };
}

/** A collection's invitation links and review rules, for its admins and site admins. */
export default async function CollectionSettingsPage({ params }: Props) {
  const { collectionId } = await params;
  const actor = await getActor();
  if (actor.kind === 'anonymous') redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/admin/collections/${collectionId}`)}`);
  if (!isUuid(collectionId)) notFound();
  const collection = await findCollectionSettings({ actor, collectionId });
  if (!collection) notFound();
  const invitations = await findInvitations({ actor, collectionId });
  const t = await getTranslations('invitations');
  const g = await getTranslations('gettingStarted');
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <Link href="/admin" className="text-sm text-muted hover:text-ink hover:underline">
        {t('backToAdmin')}
      </Link>
      <h1 className="mt-2 font-serif text-3xl font-semibold tracking-tight">{collection.title}</h1>
      {collection.workCount === 0 && (
        <p className="mt-2 text-muted">
          {t.rich('noWorksYet', { link: (chunks) => <Link href="/import" className="font-medium text-accent-700 underline">{chunks}</Link> })}
        </p>
      )}

      <SettingsSection id="invitations" title={t('title')} intro={t('intro')}>
        <InvitationForm collectionId={collection.id} expiryDays={INVITATION_EXPIRY_DAYS} maxUses={MAX_INVITATION_USES} action={createInvitationAction} />
        <h3 className="mt-6 text-sm font-semibold">{t('listTitle')}</h3>
        <div className="mt-2">
          <InvitationList invitations={invitations} revokeAction={revokeInvitationAction} />
        </div>
      </SettingsSection>

      <SettingsSection id="review-rules" title={g('rulesTitle')} intro={g('rulesIntro')}>
        <ReviewRulesForm collectionId={collection.id} reviewPolicy={collection.reviewPolicy} allowSelfApproval={collection.allowSelfApproval} action={setReviewRulesAction} />
      </SettingsSection>
    </div>
  );
}

/** One part of the page: a titled frame (its id is the anchor the getting-started links lead to). */
function SettingsSection({ id, title, intro, children }: { id: string; title: string; intro: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10 rounded-lg border border-line bg-surface p-5 shadow-sm">
      <h2 id={id} className="font-serif text-xl font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-muted">{intro}</p>
      <div className="mt-4">{children}</div>
    </section>
  );
}
