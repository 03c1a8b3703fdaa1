import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { getViewer } from '@/app/_lib/get-viewer';
import { AccountAbilities } from '@/components/auth/account-abilities';
import { AuthCard } from '@/components/auth/auth-card';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { Alert } from '@/components/ui/alert';
import { clientAddress } from '@/lib/http/client-address';
import { findInvitation, type InvitationLookup } from '@/lib/membership/find-invitation';
import { countInvitationAttempt } from '@/lib/membership/invitation-limit';

import { signUp, signUpWithInvitation } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signUpTitle'), referrer: 'no-referrer' };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Sign-up: name, e-mail and password; every new account is a volunteer (the administrator is set
 * up at /setup). From an invitation link (`?invitation=`), the page names the collection and role
 * the account joins once created.
 */
export default async function SignUpPage({ searchParams }: Props) {
  const { invitation } = await searchParams;
  const token = typeof invitation === 'string' ? invitation.slice(0, 200) : '';
  if (await getViewer()) redirect(token ? `/join/${encodeURIComponent(token)}` : '/');
  const t = await getTranslations('auth');
  const i = await getTranslations('invitations');
  const lookup = token ? await lookUp(token) : null;
  const invited = lookup && lookup.state === 'valid' ? lookup : null;
  return (
    <AuthCard
      title={t('signUpTitle')}
      intro={t('signUpIntro')}
      footer={
        <>
          {t('haveAccount')}{' '}
          <Link href={invited ? `/sign-in?callbackUrl=${encodeURIComponent(`/join/${token}`)}` : '/sign-in'} className="font-medium text-accent-700 hover:underline">
            {t('signInLink')}
          </Link>
        </>
      }
    >
      {invited && (
        <Alert tone="info" className="mb-5">
          {i('signUpInvited', { collection: invited.collection.title, role: i(`roleInSentence.${invited.role}`) })}
        </Alert>
      )}
      {token && !invited && (
        <Alert tone="warning" className="mb-5">
          {i('signUpInvitationClosed')}
        </Alert>
      )}
      {invited ? <SignUpForm signUpAction={signUpWithInvitation} invitationToken={token} /> : <SignUpForm signUpAction={signUp} />}
      <AccountAbilities />
    </AuthCard>
  );
}

async function lookUp(token: string): Promise<InvitationLookup | null> {
  try {
    await countInvitationAttempt({ clientAddress: clientAddress(await headers()) });
  } catch {
    return null;
  }
  return findInvitation({ token });
}
