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

export interface SignUpFormProps {
  /** The sign-up server action (`defineAction` around `registerUser`); `next`: where to go once signed in (the library when absent). */
  signUpAction: (previous: null, payload: Record<string, unknown>) => Promise<ActionResult<{ email: string; next?: string }>>;
  /** The token of the invitation link the account is created from, sent with the form. */
  invitationToken?: string;
}

/** Creates an account, then signs in with the same credentials and opens the library. */
export function SignUpForm({ signUpAction, invitationToken }: SignUpFormProps) {
  const router = useRouter();
  const t = useTranslations('auth');
  const wording = useErrorWording();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [isPending, setIsPending] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get('name') ?? ''), email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') };
    setIsPending(true);
    // The server's rules, checked here first (loaded on demand: the list of common passwords is large).
    const { registerUserSchema } = await import('@/lib/account/schemas');
    const checked = registerUserSchema.safeParse(input);
    if (!checked.success) {
      setResult(wording.invalidInput(checked.error.issues));
      setIsPending(false);
      return;
    }
    const outcome = await signUpAction(null, invitationToken ? { ...input, invitationToken } : input).catch(unreachableResult);
    setResult(outcome);
    if (!outcome.ok) {
      setIsPending(false);
      return;
    }
    const signedIn = await signIn('credentials', { email: input.email, password: input.password, redirect: false }).catch(() => null);
    router.replace(signedIn?.ok ? (outcome.data.next ?? '/') : '/sign-in');
    router.refresh();
  };

  const error = result && !result.ok ? result.error : null;
  const hasFieldErrors = Boolean(error?.fieldErrors && Object.keys(error.fieldErrors).length > 0);
  return (
    <form onSubmit={(event) => void handleSubmit(event)} className="space-y-5" noValidate>
      {error && !hasFieldErrors && <Alert tone="error">{error.message}</Alert>}
      <AccountFields result={result} nameHint={t('nameHint')} />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? t('creatingAccount') : t('createAccountButton')}
      </Button>
    </form>
  );
}
