'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';

import { signInErrorOf } from '@/lib/account/sign-in-error';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';

import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Input } from '../ui/input';

/** E-mail and password sign-in through next-auth's credentials provider. */
export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const t = useTranslations('auth');
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setError(null);
    const result = await signIn('credentials', { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? ''), redirect: false }).catch(() => null);
    if (!result?.ok || result.error) {
      setIsPending(false);
      const refusal = signInErrorOf(result?.error);
      setError(
        refusal.kind === 'rateLimited'
          ? t('tooManyAttempts', { wait: t(refusal.wait.unit === 'second' ? 'waitSeconds' : refusal.wait.unit === 'minute' ? 'waitMinutes' : 'waitHours', { count: refusal.wait.amount }) })
          : t(refusal.kind === 'wrongCredentials' ? 'wrongCredentials' : 'signInFailed'),
      );
      return;
    }
    router.replace(safeCallbackUrl(callbackUrl, window.location.origin));
    router.refresh();
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} className="space-y-5" noValidate>
      {error && <Alert tone="error">{error}</Alert>}
      <Field id="email" label={t('email')}>
        {(control) => <Input {...control} name="email" type="email" autoComplete="email" required autoFocus />}
      </Field>
      <Field id="password" label={t('password')}>
        {(control) => <Input {...control} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? t('signingIn') : t('signInButton')}
      </Button>
    </form>
  );
}
