import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { getViewer } from '@/app/_lib/get-viewer';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { getEnv } from '@/lib/config/env';


export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signInTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Sign-in with e-mail and password; returns to `callbackUrl` (same site only). */
export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  const returnTo = safeCallbackUrl(typeof callbackUrl === 'string' ? callbackUrl : null, getEnv().NEXTAUTH_URL);
  if (await getViewer()) redirect(returnTo);
  const t = await getTranslations('auth');
  return (
    <AuthCard
      title={t('signInTitle')}
      footer={
        <>
          {t('newHere')}{' '}
          <Link href="/sign-up" className="font-medium text-accent-700 hover:underline">
            {t('createAnAccount')}
          </Link>
        </>
      }
    >
      <SignInForm callbackUrl={returnTo} />
    </AuthCard>
  );
}
