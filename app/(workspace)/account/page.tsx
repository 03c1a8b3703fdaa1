import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { getActor } from '@/lib/auth/session';

import { changePasswordAction } from './actions';

export const metadata: Metadata = { title: 'Your account' };

/** One's account: name, e-mail, and the password form. */
export default async function AccountPage() {
  const actor = await getActor();
  if (actor.kind !== 'user') redirect('/sign-in?callbackUrl=/account');
  return (
    <div className="mx-auto max-w-xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Your account</h1>
      <p className="mt-2 text-muted">
        {actor.name} · {actor.email}
      </p>
      <h2 className="mt-10 font-serif text-xl font-semibold">Change your password</h2>
      <p className="mt-1 text-sm text-muted">You will stay signed in here; every other device where you are signed in is signed out.</p>
      <div className="mt-5">
        <ChangePasswordForm owner={{ name: actor.name, email: actor.email }} changePasswordAction={changePasswordAction} />
      </div>
    </div>
  );
}
