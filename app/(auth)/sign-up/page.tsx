import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { getViewer } from '@/app/_lib/get-viewer';
import { AuthCard } from '@/components/auth/auth-card';
import { SignUpForm } from '@/components/auth/sign-up-form';

import { signUp } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signUpTitle') };
}

/** Sign-up: name, e-mail and password; every new account is a volunteer (the administrator is set up at /setup). */
export default async function SignUpPage() {
  if (await getViewer()) redirect('/');
  const t = await getTranslations('auth');
  return (
    <AuthCard
      title={t('signUpTitle')}
      intro={t('signUpIntro')}
      footer={
        <>
          {t('haveAccount')}{' '}
          <Link href="/sign-in" className="font-medium text-accent-700 hover:underline">
            {t('signInLink')}
          </Link>
        </>
      }
    >
      <SignUpForm signUpAction={signUp} />
    </AuthCard>
  );
}
