import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { getViewer } from '@/app/_lib/get-viewer';
import { AuthCard } from '@/components/auth/auth-card';
import { JoinCollectionForm } from '@/components/auth/join-collection-form';
import { Alert } from '@/components/ui/alert';
import { buttonClassName } from '@/components/ui/button';
import { clientAddress } from '@/lib/http/client-address';
import { findInvitation, type InvitationLookup } from '@/lib/membership/find-invitation';
import { countInvitationAttempt } from '@/lib/membership/invitation-limit';

import { acceptInvitationAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('invitations'))('joinPageTitle'), referrer: 'no-referrer' };
}

type Props = { params: Promise<{ token: string }> };

/**
 * An invitation link: the collection and the role it gives; a signed-in account joins with a
 * button, anyone else creates an account (the sign-up page names the invitation) or signs in and
 * comes back. Links that no longer work say why.
 */
export default async function JoinPage({ params }: Props) {
  const { token: raw } = await params;
  const token = raw.slice(0, 200);
  const t = await getTranslations('invitations');
  const lookup = await lookUp(token);
  if (lookup === 'rate-limited' || lookup.state !== 'valid') {
    const reason = lookup === 'rate-limited' ? 'rateLimited' : closedReason(lookup.state);
    return (
      <AuthCard title={t('closedTitle')}>
        <Alert tone="error">{t(`closed.${reason}`)}</Alert>
        <p className="mt-4 text-sm">
          <Link href="/" className="font-medium text-accent-700 hover:underline">
            {t('toLibrary')}
          </Link>
        </p>
      </AuthCard>
    );
  }
  const viewer = await getViewer();
  const role = t(`roleInSentence.${lookup.role}`);
  return (
    <AuthCard title={t('joinTitle', { collection: lookup.collection.title })} intro={t('invitedAs', { collection: lookup.collection.title, role })}>
      <p className="text-sm">{t(`roleDescription.${lookup.role}`)}</p>
      <div className="mt-6">
        {viewer ? (
          <JoinCollectionForm token={token} viewerName={viewer.name} action={acceptInvitationAction} />
        ) : (
          <div className="flex flex-col gap-3">
            <Link href={`/sign-up?invitation=${encodeURIComponent(token)}`} className={buttonClassName({ className: 'w-full' })}>
              {t('signUpToJoin')}
            </Link>
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/join/${token}`)}`} className={buttonClassName({ variant: 'secondary', className: 'w-full' })}>
              {t('signInToJoin')}
            </Link>
          </div>
        )}
      </div>
    </AuthCard>
  );
}

function closedReason(state: InvitationLookup['state']): 'unknown' | 'expired' | 'revoked' | 'usedUp' {
  return state === 'used-up' ? 'usedUp' : state === 'valid' ? 'unknown' : state;
}

async function lookUp(token: string): Promise<InvitationLookup | 'rate-limited'> {
  try {
    await countInvitationAttempt({ clientAddress: clientAddress(await headers()) });
  } catch {
    return 'rate-limited';
  }
  return findInvitation({ token });
}
