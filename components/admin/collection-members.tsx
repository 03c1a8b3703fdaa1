'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { fieldError, type ActionResult } from '@/lib/errors/field-errors';
import type { ManagedCollection } from '@/lib/membership/types';

import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Input } from '../ui/input';
import { Select } from '../ui/select';

type FormAction<T> = (previous: ActionResult<T> | null, payload: FormData) => Promise<ActionResult<T>>;

export interface CollectionMembersProps {
  collection: ManagedCollection;
  grantAction: FormAction<{ userId: string; role: 'EDITOR' | 'ADMIN' }>;
  revokeAction: FormAction<{ userId: string }>;
}

/** One collection's editors and admins, with a form to grant a role and a button to revoke one. */
export function CollectionMembers({ collection, grantAction, revokeAction }: CollectionMembersProps) {
  const t = useTranslations('admin.collectionMembers');
  const [grantResult, grant, isGranting] = useActionState(grantAction, null);
  const [revokeResult, revoke, isRevoking] = useActionState(revokeAction, null);
  const idPrefix = `c-${collection.id}`;
  return (
    <section aria-labelledby={`${idPrefix}-title`} className="mt-10 rounded-lg border border-line bg-surface p-5 shadow-sm">
      <h2 id={`${idPrefix}-title`} className="font-serif text-xl font-semibold">
        {collection.title}
      </h2>
      {collection.members.length === 0 ? (
        <p className="mt-3 text-sm text-muted">{t('none')}</p>
      ) : (
        <ul className="mt-3 divide-y divide-line">
          {collection.members.map((member) => (
            <li key={member.userId} className="flex flex-wrap items-center justify-between gap-3 py-2.5">
              <div className="min-w-0">
                <span className="font-medium">{member.name}</span> <span className="text-sm break-all text-muted">{member.email}</span>
                {member.isSelfGranted ? (
                  <span className="block text-xs text-muted">{t('selfGranted')}</span>
                ) : (
                  member.grantedBy && <span className="block text-xs text-muted">{t('grantedBy', { name: member.grantedBy })}</span>
                )}
              </div>
              <div className="flex items-center gap-3">
                <Badge>{t('role', { role: member.role })}</Badge>
                <form action={revoke}>
                  <input type="hidden" name="collectionId" value={collection.id} />
                  <input type="hidden" name="userId" value={member.userId} />
                  <Button type="submit" variant="ghost" size="sm" disabled={isRevoking} aria-label={t('removeLabel', { name: member.name })}>
                    {t('remove')}
                  </Button>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
      {revokeResult && !revokeResult.ok && (
        <Alert tone="error" className="mt-3">
          {revokeResult.error.message}
        </Alert>
      )}
      <form action={grant} className="mt-4 grid gap-3 border-t border-line pt-4 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
        <input type="hidden" name="collectionId" value={collection.id} />
        <Field id={`${idPrefix}-email`} label={t('email')} error={fieldError(grantResult, 'email')}>
          {(control) => <Input {...control} name="email" type="email" required autoComplete="off" />}
        </Field>
        <Field id={`${idPrefix}-role`} label={t('roleLabel')}>
          {(control) => (
            <Select {...control} name="role" defaultValue="EDITOR">
              <option value="EDITOR">{t('editor')}</option>
              <option value="ADMIN">{t('admin')}</option>
            </Select>
          )}
        </Field>
        <Button type="submit" disabled={isGranting}>
          {t('grant')}
        </Button>
      </form>
      {grantResult && !grantResult.ok && !fieldError(grantResult, 'email') && (
        <Alert tone="error" className="mt-3">
          {grantResult.error.message}
        </Alert>
      )}
      {grantResult?.ok && (
        <p role="status" className="mt-3 text-sm text-emerald-800">
          {t('granted')}
        </p>
      )}
    </section>
  );
}
