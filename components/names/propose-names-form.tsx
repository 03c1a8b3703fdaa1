'use client';

import { useTranslations } from 'next-intl';

import { ActionForm, type FormAction } from './action-form';
import { Label } from '../ui/label';
import { Select } from '../ui/select';

/** Proposes the names a work of the collection mentions (editors). */
export function ProposeNamesForm({ action, works }: { action: FormAction<{ proposed: number; known: number }>; works: { id: string; title: string }[] }) {
  const t = useTranslations('names.proposeForm');
  return (
    <ActionForm action={action} submitLabel={t('submit')} pendingLabel={t('pending')} describeSuccess={({ proposed, known }) => t('result', { proposed, known })}>
      <div className="min-w-64 flex-1 space-y-1.5">
        <Label htmlFor="propose-work">{t('work')}</Label>
        <Select id="propose-work" name="workId" required defaultValue="">
          <option value="" disabled>
            {t('choose')}
          </option>
          {works.map((work) => (
            <option key={work.id} value={work.id}>
              {work.title}
            </option>
          ))}
        </Select>
      </div>
    </ActionForm>
  );
}
