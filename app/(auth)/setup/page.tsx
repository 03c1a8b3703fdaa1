import type { Metadata } from 'next';
import Link from 'next/link';

import { getViewer } from '@/app/_lib/get-viewer';
import { AuthCard } from '@/components/auth/auth-card';
import { SetupForm } from '@/components/auth/setup-form';
import { Alert } from '@/components/ui/alert';
import { checkSetupToken } from '@/lib/account/setup-token';

import { setUpAdministratorAction } from './actions';

export const metadata: Metadata = { title: 'Set up the administrator', referrer: 'no-referrer' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The one-time administrator set-up link printed in the server's log: creates the administrator's
 * account, or makes the signed-in account the administrator.
 */
export default async function SetupPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const value = typeof token === 'string' ? token.slice(0, 200) : '';
  const [state, viewer] = await Promise.all([value ? checkSetupToken({ token: value }) : ('used-or-expired' as const), getViewer()]);
  return (
    <AuthCard title="Set up the administrator" intro="The administrator imports works, creates collections and chooses their editors.">
      {state === 'done' && (
        <Alert tone="info">
          This site has an administrator already. <Link href="/" className="font-medium underline">Go to the library</Link>.
        </Alert>
      )}
      {state === 'used-or-expired' && (
        <Alert tone="error">This set-up link has been used or has expired. Restart the server: it prints a new one in its log.</Alert>
      )}
      {state === 'valid' && <SetupForm token={value} viewer={viewer ? { name: viewer.name, email: viewer.email } : null} setupAction={setUpAdministratorAction} />}
    </AuthCard>
  );
}
