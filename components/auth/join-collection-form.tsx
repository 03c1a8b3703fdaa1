'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

import { unreachableResult, type ActionResult } from '@/lib/errors/field-errors';

import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

export interface JoinCollectionFormProps {
  token: string;
  viewerName: string;
  action: (previous: null, payload: Record<string, unknown>) => Promise<ActionResult<{ next: string }>>;
}

/** The signed-in account accepts an invitation link, then goes to the collection in the library. */
export function JoinCollectionForm({ token, viewerName, action }: JoinCollectionFormProps) {
  const t = useTranslations('invitations');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const join = async () => {
    setIsPending(true);
    const outcome = await action(null, { token }).catch(unreachableResult);
    if (!outcome.ok) {
      setError(outcome.error.message);
      setIsPending(false);
      return;
    }
    router.replace(outcome.data.next);
    router.refresh();
  };
  return (
    <div className="space-y-4">
      {error && <Alert tone="error">{error}</Alert>}
      <p className="text-sm text-muted">{t('joinAs', { name: viewerName })}</p>
      <Button type="button" className="w-full" disabled={isPending} onClick={() => void join()}>
        {isPending ? t('joining') : t('join')}
      </Button>
    </div>
  );
}
