import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { getViewer } from '@/app/_lib/get-viewer';
import { AuthCard } from '@/components/auth/auth-card';
import { SignUpForm } from '@/components/auth/sign-up-form';

import { signUp } from './actions';

export const metadata: Metadata = { title: 'Create an account' };

/** Sign-up: name, e-mail and password; every new account is a volunteer (the administrator is set up at /setup). */
export default async function SignUpPage() {
  if (await getViewer()) redirect('/');
  return (
    <AuthCard
      title="Create an account"
      intro="Volunteers correct and translate texts; editors review and publish them."
      footer={
        <>
          Already have an account?{' '}
          <Link href="/sign-in" className="font-medium text-accent-700 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm signUpAction={signUp} />
    </AuthCard>
  );
}
