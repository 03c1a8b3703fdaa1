'use client';

import { useRouter } from 'next/navigation';
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
  const router = useRouter();
  const [isOpen, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const label = canManage ? 'Add a term' : 'Propose a term';
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
      {!canManage && <p className="mb-3 text-sm text-muted">An editor of the collection approves your proposal or says why not; until then it is not used.</p>}
      <TermForm
        submitLabel={canManage ? 'Add the term' : 'Propose the term'}
        sourceName={sourceName}
        targetName={targetName}
        onSubmit={(term) => (canManage ? createTerm : proposeTerm)(collectionId, { ...term, source, target })}
        onDone={() => {
          setOpen(false);
          setDone(canManage ? 'The term is in the glossary.' : 'Proposed. You will find the editors’ decision under “Your proposals”.');
          router.refresh();
        }}
        onCancel={() => setOpen(false)}
      />
    </section>
  );
}
