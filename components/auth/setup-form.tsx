'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';

import { unreachableResult, type ActionResult } from '@/lib/errors/field-errors';

import { AccountFields } from './account-fields';
import { useErrorWording } from '../errors/error-wording';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

export interface SetupFormProps {
  /** The token of the set-up link. */
  token: string;
  /** The signed-in account, which becomes the administrator; null: a new account is created. */
  viewer: { name: string; email: string } | null;
  setupAction: (previous: null, payload: Record<string, unknown>) => Promise<ActionResult<{ email: string; isNewAccount: boolean }>>;
}

/** Makes the administrator: the signed-in account, or a new one (then signed in). */
export function SetupForm({ token, viewer, setupAction }: SetupFormProps) {
  const t = useTranslations('setup');
  const wording = useErrorWording();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [isPending, setIsPending] = useState(false);

  const finish = async (outcome: ActionResult<unknown>, credentials: { email: string; password: string } | null) => {
    setResult(outcome);
    if (!outcome.ok) {
      setIsPending(false);
      return;
    }
    // The account exists now; if signing in with it fails, the sign-in page leads on to /admin.
    const signedIn = credentials ? await signIn('credentials', { ...credentials, redirect: false }).catch(() => null) : { ok: true };
    router.replace(signedIn?.ok ? '/admin' : '/sign-in?callbackUrl=%2Fadmin');
    router.refresh();
  };

  const handlePromote = async () => {
    setIsPending(true);
    await finish(await setupAction(null, { token }).catch(unreachableResult), null);
  };

  const handleCreate = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const account = { name: String(form.get('name') ?? ''), email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') };
    setIsPending(true);
    const { registerUserSchema } = await import('@/lib/account/schemas');
    const checked = registerUserSchema.safeParse(account);
    if (!checked.success) {
      await finish(wording.invalidInput(checked.error.issues.map((issue) => ({ ...issue, path: ['account', ...issue.path] }))), null);
      return;
    }
    await finish(await setupAction(null, { token, account }).catch(unreachableResult), { email: account.email, password: account.password });
  };

  const error = result && !result.ok ? result.error : null;
  const hasFieldErrors = Boolean(error?.fieldErrors && Object.keys(error.fieldErrors).length > 0);
  if (viewer) {
    return (
      <div className="space-y-5">
        {error && <Alert tone="error">{error.message}</Alert>}
        <p className="text-sm">
          {t.rich('signedInAs', { name: viewer.name, email: viewer.email, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
        <Button type="button" className="w-full" disabled={isPending} onClick={() => void handlePromote()}>
          {isPending ? t('settingUp') : t('promote')}
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={(event) => void handleCreate(event)} className="space-y-5" noValidate>
      {error && !hasFieldErrors && <Alert tone="error">{error.message}</Alert>}
      <p className="text-sm text-muted">{t('createIntro')}</p>
      <AccountFields result={result} path="account" />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? t('settingUp') : t('create')}
      </Button>
    </form>
  );
}
