'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';

import { fieldError, unreachableResult, type ActionResult } from '@/lib/errors/field-errors';

import { NewPasswordField } from './new-password-field';
import { useErrorWording } from '../errors/error-wording';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Input } from '../ui/input';

export interface ChangePasswordFormProps {
  /** The account's name and e-mail, which the new password must not contain. */
  owner: { name: string; email: string };
  changePasswordAction: (previous: null, payload: Record<string, unknown>) => Promise<ActionResult<{ isChanged: boolean }>>;
}

/**
 * Changes the password. The change ends every session of the account, this one too, so the form
 * signs in again with the new password.
 */
export function ChangePasswordForm({ owner, changePasswordAction }: ChangePasswordFormProps) {
  const router = useRouter();
  const t = useTranslations('account');
  const wording = useErrorWording();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [isPending, setIsPending] = useState(false);
  const [isDone, setIsDone] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = { currentPassword: String(form.get('currentPassword') ?? ''), newPassword: String(form.get('newPassword') ?? '') };
    setIsPending(true);
    setIsDone(false);
    const { changePasswordSchemaFor } = await import('@/lib/account/schemas');
    const checked = changePasswordSchemaFor(owner).safeParse(input);
    const outcome: ActionResult<unknown> = checked.success
      ? await changePasswordAction(null, input).catch(unreachableResult)
      : wording.invalidInput(checked.error.issues);
    setResult(outcome);
    if (outcome.ok) {
      const signedIn = await signIn('credentials', { email: owner.email, password: input.newPassword, redirect: false }).catch(() => null);
      if (!signedIn?.ok) {
        router.replace('/sign-in?callbackUrl=/account');
        return;
      }
      formElement.reset();
      setIsDone(true);
      router.refresh();
    }
    setIsPending(false);
  };

  const error = result && !result.ok ? result.error : null;
  const hasFieldErrors = Boolean(error?.fieldErrors && Object.keys(error.fieldErrors).length > 0);
  return (
    <form onSubmit={(event) => void handleSubmit(event)} className="space-y-5" noValidate>
      {error && !hasFieldErrors && <Alert tone="error">{error.message}</Alert>}
      {isDone && <Alert tone="success">{t('passwordChanged')}</Alert>}
      <Field id="currentPassword" label={t('currentPassword')} error={fieldError(result, 'currentPassword')}>
        {(control) => <Input {...control} name="currentPassword" type="password" autoComplete="current-password" required />}
      </Field>
      <NewPasswordField name="newPassword" label={t('newPassword')} error={fieldError(result, 'newPassword')} />
      <Button type="submit" disabled={isPending}>
        {isPending ? t('changing') : t('changePassword')}
      </Button>
    </form>
  );
}
