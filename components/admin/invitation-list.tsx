'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState } from 'react';

import type { ActionResult } from '@/lib/errors/field-errors';
import type { InvitationListItem } from '@/lib/membership/find-invitations';

import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';

export interface InvitationListProps {
  invitations: InvitationListItem[];
  revokeAction: (previous: ActionResult<{ invitationId: string }> | null, payload: FormData) => Promise<ActionResult<{ invitationId: string }>>;
}

/** A collection's invitation links: role, who made each, uses, until when it works, and a button to revoke one. */
export function InvitationList({ invitations, revokeAction }: InvitationListProps) {
  const t = useTranslations('invitations');
  const format = useFormatter();
  const [result, revoke, isRevoking] = useActionState(revokeAction, null);
  if (invitations.length === 0) return <p className="text-sm text-muted">{t('none')}</p>;
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <div>
      <ul className="divide-y divide-line">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 py-2.5">
            <div className="min-w-0 text-sm">
              <span className="font-medium">{t(`role.${invitation.role}`)}</span>{' '}
              <Badge tone={invitation.state === 'valid' ? 'success' : 'neutral'}>{t(`state.${stateKey(invitation.state)}`)}</Badge>
              <span className="block text-xs text-muted">
                {t('createdBy', { name: invitation.createdBy ?? '', hasName: invitation.createdBy ? 'yes' : 'no', date: date(invitation.createdAt) })}
                {' · '}
                {invitation.maxUses === null ? t('usesUnlimited', { count: invitation.useCount }) : t('usesOf', { count: invitation.useCount, max: invitation.maxUses })}
                {' · '}
                {t('expires', { date: date(invitation.expiresAt) })}
              </span>
            </div>
            {invitation.state === 'valid' && (
              <form action={revoke}>
                <input type="hidden" name="invitationId" value={invitation.id} />
                <Button type="submit" variant="ghost" size="sm" disabled={isRevoking}>
                  {t('revoke')}
                </Button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {result && !result.ok && (
        <Alert tone="error" className="mt-3">
          {result.error.message}
        </Alert>
      )}
    </div>
  );
}

function stateKey(state: InvitationListItem['state']): 'valid' | 'expired' | 'revoked' | 'usedUp' {
  return state === 'used-up' ? 'usedUp' : state;
}
