'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';

import { fieldError, type ActionResult } from '@/lib/errors/field-errors';

import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Input } from '../ui/input';
import { Select } from '../ui/select';

type Created = { id: string; token: string };

export interface InvitationFormProps {
  collectionId: string;
  /** The choices of how long a link works, in days. */
  expiryDays: readonly number[];
  maxUses: number;
  action: (previous: ActionResult<Created> | null, payload: FormData) => Promise<ActionResult<Created>>;
}

/** Makes an invitation link (role, expiry, optional number of uses) and shows it once, to copy. */
export function InvitationForm({ collectionId, expiryDays, maxUses, action }: InvitationFormProps) {
  const t = useTranslations('invitations');
  const [result, submit, isPending] = useActionState(action, null);
  const [copied, setCopied] = useState<string | null>(null);
  const link = result?.ok ? `${window.location.origin}/join/${result.data.token}` : null;
  return (
    <div>
      <form action={submit} className="grid gap-3 sm:grid-cols-[10rem_10rem_1fr_auto] sm:items-end">
        <input type="hidden" name="collectionId" value={collectionId} />
        <Field id="invitation-role" label={t('roleLabel')}>
          {(control) => (
            <Select {...control} name="role" defaultValue="VOLUNTEER">
              <option value="VOLUNTEER">{t('role.VOLUNTEER')}</option>
              <option value="EDITOR">{t('role.EDITOR')}</option>
              <option value="ADMIN">{t('role.ADMIN')}</option>
            </Select>
          )}
        </Field>
        <Field id="invitation-expiry" label={t('expiryLabel')}>
          {(control) => (
            <Select {...control} name="expiresInDays" defaultValue="7">
              {expiryDays.map((days) => (
                <option key={days} value={days}>
                  {t('expiryDays', { days })}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="invitation-uses" label={t('usesLabel')} hint={t('usesHint')} isOptional error={fieldError(result, 'maxUses')}>
          {(control) => <Input {...control} name="maxUses" type="number" min={1} max={maxUses} inputMode="numeric" />}
        </Field>
        <Button type="submit" disabled={isPending}>
          {t('create')}
        </Button>
      </form>
      {result && !result.ok && !fieldError(result, 'maxUses') && (
        <Alert tone="error" className="mt-3">
          {result.error.message}
        </Alert>
      )}
      {link && (
        <div role="status" className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-4">
          <p className="text-sm font-medium text-emerald-900">{t('created')}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Input readOnly value={link} aria-label={t('linkLabel')} className="min-w-0 flex-1 font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(link).then(() => setCopied(link), () => setCopied(null));
              }}
            >
              {copied === link ? t('copied') : t('copy')}
            </Button>
          </div>
          <p className="mt-2 text-xs text-emerald-900">{t('shownOnce')}</p>
        </div>
      )}
    </div>
  );
}
