import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { getViewer } from '@/app/_lib/get-viewer';
import { AuthCard } from '@/components/auth/auth-card';
import { SetupForm } from '@/components/auth/setup-form';
import { Alert } from '@/components/ui/alert';
import { checkSetupToken } from '@/lib/account/setup-token';

import { setUpAdministratorAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('setup');
  return { title: t('title'), referrer: 'no-referrer' };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The one-time administrator set-up link printed in the server's log: creates the administrator's
 * account, or makes the signed-in account the administrator.
 */
export default async function SetupPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const value = typeof token === 'string' ? token.slice(0, 200) : '';
  const [state, viewer, t] = await Promise.all([value ? checkSetupToken({ token: value }) : ('used-or-expired' as const), getViewer(), getTranslations('setup')]);
  return (
    <AuthCard title={t('title')} intro={t('intro')}>
      {state === 'done' && (
        <Alert tone="info">
          {t.rich('done', {
            link: (chunks) => (
              <Link href="/" className="font-medium underline">
                {chunks}
              </Link>
            ),
          })}
        </Alert>
      )}
      {state === 'used-or-expired' && (
        <Alert tone="error">{t('usedOrExpired')}</Alert>
      )}
      {state === 'valid' && <SetupForm token={value} viewer={viewer ? { name: viewer.name, email: viewer.email } : null} setupAction={setUpAdministratorAction} />}
    </AuthCard>
  );
}
