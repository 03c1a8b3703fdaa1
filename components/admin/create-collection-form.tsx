'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { fieldError, type ActionResult } from '@/lib/errors/field-errors';

import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Input } from '../ui/input';

export interface CreateCollectionFormProps {
  action: (previous: ActionResult<{ id: string; slug: string }> | null, payload: FormData) => Promise<ActionResult<{ id: string; slug: string }>>;
}

/** Creates a collection (shown to site admins). */
export function CreateCollectionForm({ action }: CreateCollectionFormProps) {
  const t = useTranslations('admin.createCollection');
  const [result, submit, isPending] = useActionState(action, null);
  return (
    <form action={submit} className="mt-8 grid gap-3 rounded-lg border border-dashed border-line-strong p-5 sm:grid-cols-[1fr_auto] sm:items-end">
      <Field id="new-collection-title" label={t('label')} hint={t('hint')} error={fieldError(result, 'title')}>
        {(control) => <Input {...control} name="title" required />}
      </Field>
      <Button type="submit" variant="secondary" disabled={isPending}>
        {t('submit')}
      </Button>
      {result && !result.ok && !fieldError(result, 'title') && (
        <Alert tone="error" className="sm:col-span-2">
          {result.error.message}
        </Alert>
      )}
    </form>
  );
}
