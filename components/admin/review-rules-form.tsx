'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import type { ActionResult } from '@/lib/errors/field-errors';
import type { ReviewRulesInput } from '@/lib/membership/schemas';

import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

export interface ReviewRulesFormProps {
  collectionId: string;
  reviewPolicy: 'SINGLE' | 'DOUBLE';
  allowSelfApproval: boolean;
  action: (previous: ActionResult<ReviewRulesInput> | null, payload: FormData) => Promise<ActionResult<ReviewRulesInput>>;
}

/** A collection's review rules: one reviewer or two, and whether its admins may approve their own suggestions. */
export function ReviewRulesForm({ collectionId, reviewPolicy, allowSelfApproval, action }: ReviewRulesFormProps) {
  const t = useTranslations('gettingStarted');
  const [result, submit, isPending] = useActionState(action, null);
  return (
    <form action={submit} className="space-y-4">
      <input type="hidden" name="collectionId" value={collectionId} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('policyLegend')}</legend>
        <label className="flex gap-2 text-sm">
          <input type="radio" name="reviewPolicy" value="SINGLE" defaultChecked={reviewPolicy === 'SINGLE'} className="mt-1" />
          <span>{t('policySingle')}</span>
        </label>
        <label className="flex gap-2 text-sm">
          <input type="radio" name="reviewPolicy" value="DOUBLE" defaultChecked={reviewPolicy === 'DOUBLE'} className="mt-1" />
          <span>{t('policyDouble')}</span>
        </label>
      </fieldset>
      <label className="flex gap-2 text-sm">
        <input type="checkbox" name="allowSelfApproval" defaultChecked={allowSelfApproval} className="mt-1" />
        <span>{t('selfApproval')}</span>
      </label>
      <Button type="submit" variant="secondary" disabled={isPending}>
        {t('saveRules')}
      </Button>
      {result && !result.ok && <Alert tone="error">{result.error.message}</Alert>}
      {result?.ok && (
        <p role="status" className="text-sm text-emerald-800">
          {t('rulesSaved')}
        </p>
      )}
    </form>
  );
}
