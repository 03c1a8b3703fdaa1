'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import type { ActionResult } from '@/lib/errors/field-errors';

export type ToggleAction = (previous: ActionResult<{ isDismissed: boolean }> | null, payload: FormData) => Promise<ActionResult<{ isDismissed: boolean }>>;

/** Hides the getting-started checklist, or shows it again. */
export function GettingStartedToggle({ action, isDismissed }: { action: ToggleAction; isDismissed: boolean }) {
  const t = useTranslations('gettingStarted');
  const [, submit, isPending] = useActionState(action, null);
  return (
    <form action={submit}>
      <input type="hidden" name="isDismissed" value={isDismissed ? 'false' : 'true'} />
      <button type="submit" disabled={isPending} className="font-medium text-accent-700 hover:underline disabled:opacity-60">
        {isDismissed ? t('show') : t('dismiss')}
      </button>
    </form>
  );
}
