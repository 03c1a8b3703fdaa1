'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';

import { fieldError, unreachableResult, type ActionResult } from '@/lib/errors/field-errors';

import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Input } from '../ui/input';

export interface AccountAccessFormProps {
  action: (previous: null, payload: Record<string, unknown>) => Promise<ActionResult<{ userId: string; isDisabled: boolean }>>;
}

/** Disables an account (it is signed out everywhere at once) or enables it again (shown to site admins). */
export function AccountAccessForm({ action }: AccountAccessFormProps) {
  const t = useTranslations('admin.accountAccess');
  const [result, setResult] = useState<ActionResult<{ userId: string; isDisabled: boolean }> | null>(null);
  const [isPending, setIsPending] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    setIsPending(true);
    setResult(await action(null, { email, isDisabled: submitter?.value !== 'enable' }).catch(unreachableResult));
    setIsPending(false);
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} className="mt-8 grid gap-3 rounded-lg border border-dashed border-line-strong p-5 sm:grid-cols-[1fr_auto_auto] sm:items-end">
      <Field id="account-access-email" label={t('label')} hint={t('hint')} error={fieldError(result, 'email')}>
        {(control) => <Input {...control} name="email" type="email" placeholder={t('placeholder')} required />}
      </Field>
      <Button type="submit" name="intent" value="disable" variant="secondary" disabled={isPending}>
        {t('disable')}
      </Button>
      <Button type="submit" name="intent" value="enable" variant="ghost" disabled={isPending}>
        {t('enable')}
      </Button>
      {result && !result.ok && !fieldError(result, 'email') && (
        <Alert tone="error" className="sm:col-span-3">
          {result.error.message}
        </Alert>
      )}
      {result?.ok && (
        <Alert tone="success" className="sm:col-span-3">
          {result.data.isDisabled ? t('disabled') : t('enabled')}
        </Alert>
      )}
    </form>
  );
}
