'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';

import { MAX_GLOSSARY_TERM_CHARS } from '@/lib/config/limits';
import { TERM_STATUSES, type TermStatus } from '@/lib/glossary/glossary-values';
import type { GlossaryEntry } from '@/lib/glossary/types';

import { deleteTerm, proposeTranslation, updateTerm } from './glossary-api';
import { TermForm } from './term-form';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Input } from '../ui/input';
import { Select } from '../ui/select';

/**
 * What the viewer may do with one term of the list: editors change or delete it; volunteers
 * propose another translation of it.
 */
export function EntryActions({ collectionId, entry, canManage, canPropose, sourceName, targetName }: { collectionId: string; entry: GlossaryEntry; canManage: boolean; canPropose: boolean; sourceName: string; targetName: string }) {
  const t = useTranslations('glossary.entryActions');
  const router = useRouter();
  const [mode, setMode] = useState<'idle' | 'edit' | 'propose' | 'delete'>('idle');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const remove = async () => {
    const result = await deleteTerm(collectionId, entry.id);
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    router.refresh();
  };

  if (mode === 'edit') {
    return (
      <div className="mt-3 rounded-md border border-line p-3">
        <TermForm initial={entry} submitLabel={t('save')} sourceName={sourceName} targetName={targetName} onSubmit={(term) => updateTerm(collectionId, entry.id, term)} onDone={() => { setMode('idle'); router.refresh(); }} onCancel={() => setMode('idle')} />
      </div>
    );
  }
  if (mode === 'propose') {
    return <ProposeTranslationForm collectionId={collectionId} entry={entry} targetName={targetName} onClose={(text) => { setMode('idle'); if (text) setMessage({ tone: 'success', text }); }} />;
  }
  return (
    <div className="mt-1 flex flex-wrap items-center gap-2">
      {canManage && (
        <>
          <Button variant="ghost" size="sm" onClick={() => setMode('edit')} aria-label={t('changeLabel', { term: entry.text })}>
            {t('change')}
          </Button>
          {mode === 'delete' ? (
            <span role="group" aria-label={t('deleteQuestionLabel', { term: entry.text })} className="inline-flex items-center gap-2 text-sm">
              {t('deleteQuestion')}
              <Button variant="danger" size="sm" onClick={() => void remove()}>
                {t('delete')}
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setMode('idle')}>
                {t('keep')}
              </Button>
            </span>
          ) : (
            <Button variant="ghost" size="sm" onClick={() => setMode('delete')} aria-label={t('deleteLabel', { term: entry.text })}>
              {t('delete')}
            </Button>
          )}
        </>
      )}
      {!canManage && canPropose && (
        <Button variant="ghost" size="sm" onClick={() => { setMessage(null); setMode('propose'); }} aria-label={t('proposeLabel', { term: entry.text })}>
          {t('propose')}
        </Button>
      )}
      {message && <Alert tone={message.tone} className="w-full">{message.text}</Alert>}
    </div>
  );
}

function ProposeTranslationForm({ collectionId, entry, targetName, onClose }: { collectionId: string; entry: GlossaryEntry; targetName: string; onClose: (message?: string) => void }) {
  const t = useTranslations('glossary');
  const id = useId();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<TermStatus>('admitted');
  const [error, setError] = useState<string | null>(null);
  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await proposeTranslation(collectionId, entry.id, { text, status });
    if (!result.ok) return setError(result.error.message);
    onClose(t('entryActions.proposed'));
  };
  return (
    <form onSubmit={(event) => void handleSubmit(event)} className="mt-2 flex flex-wrap items-end gap-2" noValidate>
      <label htmlFor={`${id}-text`} className="sr-only">{t('entryActions.translationOf', { term: entry.text, language: targetName })}</label>
      <Input id={`${id}-text`} value={text} maxLength={MAX_GLOSSARY_TERM_CHARS} placeholder={t('entryActions.translationPlaceholder', { language: targetName })} onChange={(event) => setText(event.target.value)} className="min-w-0 flex-1" />
      <Select aria-label={t('entryActions.usage')} value={status} onChange={(event) => setStatus(event.target.value as TermStatus)} className="w-36">
        {TERM_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`status.${value}`)}
          </option>
        ))}
      </Select>
      <Button type="submit" size="sm">{t('entryActions.submit')}</Button>
      <Button variant="ghost" size="sm" onClick={() => onClose()}>{t('entryActions.cancel')}</Button>
      {error && <Alert tone="error" className="w-full">{error}</Alert>}
    </form>
  );
}
