'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';

import type { ActionResult } from '@/lib/errors/field-errors';
import type { InvitationListItem } from '@/lib/membership/find-invitations';

import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';

export interface InvitationListProps {
  invitations: InvitationListItem[];
  revokeAction: (previous: ActionResult<{ invitationId: string }> | null, payload: FormData) => Promise<ActionResult<{ invitationId: string }>>;
}

/**
 * A collection's invitation links: role, who made each, uses, until when it works, and a button to
 * revoke one. A revoked link's button goes away, so its row takes the focus and reads out its new
 * state: a keyboard goes on from there rather than from the top of the page.
 */
export function InvitationList({ invitations, revokeAction }: InvitationListProps) {
  const t = useTranslations('invitations');
  const format = useFormatter();
  const [result, revoke, isRevoking] = useActionState(revokeAction, null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!result?.ok) return;
    list.current?.querySelector<HTMLElement>(`[data-invitation-id="${result.data.invitationId}"]`)?.focus();
  }, [result]);
  if (invitations.length === 0) return <p className="text-sm text-muted">{t('none')}</p>;
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <div>
      <ul ref={list} className="divide-y divide-line">
        {invitations.map((invitation) => (
          <li
            key={invitation.id}
            data-invitation-id={invitation.id}
            tabIndex={-1}
            className="flex flex-wrap items-center justify-between gap-3 py-2.5 focus:outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600"
          >
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
