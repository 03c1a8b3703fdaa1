'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

import { createTerm, proposeTerm } from './glossary-api';
import { TermForm } from './term-form';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

/**
 * "Add a term" for editors (approved at once) or "Propose a term" for volunteers (an editor
 * decides), opened on demand above the list.
 */
export function NewTermPanel({ collectionId, source, target, sourceName, targetName, canManage }: { collectionId: string; source: string; target: string; sourceName: string; targetName: string; canManage: boolean }) {
  const t = useTranslations('glossary.newTerm');
  const router = useRouter();
  const [isOpen, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const label = canManage ? t('add') : t('propose');
  if (!isOpen) {
    return (
      <div className="space-y-3">
        {done && <Alert tone="success">{done}</Alert>}
        <Button variant="secondary" onClick={() => { setDone(null); setOpen(true); }}>
          {label}
        </Button>
      </div>
    );
  }
  return (
    <section aria-label={label} className="rounded-lg border border-line bg-surface p-4 shadow-sm">
      <h2 className="mb-3 font-semibold">{label}</h2>
      {!canManage && <p className="mb-3 text-sm text-muted">{t('proposeIntro')}</p>}
      <TermForm
        submitLabel={canManage ? t('addSubmit') : t('proposeSubmit')}
        sourceName={sourceName}
        targetName={targetName}
        onSubmit={(term) => (canManage ? createTerm : proposeTerm)(collectionId, { ...term, source, target })}
        onDone={() => {
          setOpen(false);
          setDone(canManage ? t('added') : t('proposed'));
          router.refresh();
        }}
        onCancel={() => setOpen(false)}
      />
    </section>
  );
}
