'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';

import { MAX_GLOSSARY_EXAMPLE_CHARS, MAX_GLOSSARY_NOTE_CHARS, MAX_GLOSSARY_TERM_CHARS, MAX_GLOSSARY_TRANSLATIONS } from '@/lib/config/limits';
import { PARTS_OF_SPEECH, TERM_STATUSES, type PartOfSpeech, type TermStatus } from '@/lib/glossary/glossary-values';
import type { GlossaryTermInput } from '@/lib/glossary/schemas';
import type { GlossaryEntry } from '@/lib/glossary/types';

import type { ApiResult } from '../http/api-request';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Input } from '../ui/input';
import { Select } from '../ui/select';
import { Textarea } from '../ui/textarea';

export interface TermFormProps {
  /** The term being changed, or nothing for a new one. */
  initial?: GlossaryEntry;
  /** "Add the term", "Propose the term", "Save": what the button says. */
  submitLabel: string;
  /** Names of the pair's languages, for the labels. */
  sourceName: string;
  targetName: string;
  onSubmit: (term: GlossaryTermInput) => Promise<ApiResult<unknown>>;
  onDone: () => void;
  onCancel?: () => void;
}

interface TranslationRow {
  key: number;
  text: string;
  status: TermStatus;
}

/**
 * A glossary term as a form: the term, its part of speech, a definition or note, an example, and
 * its translations, each with how it may be used. The server checks everything again.
 */
export function TermForm({ initial, submitLabel, sourceName, targetName, onSubmit, onDone, onCancel }: TermFormProps) {
  const t = useTranslations('glossary');
  const id = useId();
  const [text, setText] = useState(initial?.text ?? '');
  const [partOfSpeech, setPartOfSpeech] = useState<PartOfSpeech | ''>(initial?.partOfSpeech ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const [example, setExample] = useState(initial?.example ?? '');
  const [rows, setRows] = useState<TranslationRow[]>(() => (initial?.translations.length ? initial.translations.map((translation, index) => ({ key: index, text: translation.text, status: translation.status })) : [{ key: 0, text: '', status: 'preferred' }]));
  const [nextKey, setNextKey] = useState(rows.length);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const setRow = (key: number, change: Partial<TranslationRow>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const addRow = () => {
    setRows((current) => [...current, { key: nextKey, text: '', status: 'admitted' }]);
    setNextKey(nextKey + 1);
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    const translations = rows.filter((row) => row.text.trim() !== '').map((row) => ({ text: row.text, status: row.status }));
    const result = await onSubmit({ text, partOfSpeech: partOfSpeech === '' ? null : partOfSpeech, note, example, translations });
    setIsBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onDone();
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} className="space-y-4" noValidate data-glossary-form="">
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <Field id={`${id}-text`} label={t('termForm.term', { language: sourceName })}>
          {(control) => <Input {...control} name="text" value={text} maxLength={MAX_GLOSSARY_TERM_CHARS} required onChange={(event) => setText(event.target.value)} />}
        </Field>
        <Field id={`${id}-pos`} label={t('termForm.partOfSpeech')} isOptional>
          {(control) => (
            <Select {...control} name="partOfSpeech" value={partOfSpeech} onChange={(event) => setPartOfSpeech(event.target.value as PartOfSpeech | '')}>
              <option value="">—</option>
              {PARTS_OF_SPEECH.map((part) => (
                <option key={part} value={part}>
                  {t(`partOfSpeech.${part}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-ink">{t('termForm.translations', { language: targetName })}</legend>
        {rows.map((row, index) => (
          <div key={row.key} className="flex flex-wrap items-center gap-2">
            <Input aria-label={t('termForm.translation', { n: index + 1 })} name="translation" value={row.text} maxLength={MAX_GLOSSARY_TERM_CHARS} onChange={(event) => setRow(row.key, { text: event.target.value })} className="min-w-0 flex-1" />
            <Select aria-label={t('termForm.usage', { n: index + 1 })} value={row.status} onChange={(event) => setRow(row.key, { status: event.target.value as TermStatus })} className="w-36">
              {TERM_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </Select>
            {rows.length > 1 && (
              <Button variant="ghost" size="sm" aria-label={t('termForm.removeLabel', { n: index + 1 })} onClick={() => setRows((current) => current.filter((entry) => entry.key !== row.key))}>
                {t('termForm.remove')}
              </Button>
            )}
          </div>
        ))}
        {rows.length < MAX_GLOSSARY_TRANSLATIONS && (
          <Button variant="ghost" size="sm" onClick={addRow}>
            {t('termForm.addTranslation')}
          </Button>
        )}
        <p className="text-xs text-muted">{t('termForm.statusHint')}</p>
      </fieldset>
      <Field id={`${id}-note`} label={t('termForm.note')} isOptional>
        {(control) => <Textarea {...control} name="note" rows={2} value={note} maxLength={MAX_GLOSSARY_NOTE_CHARS} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      <Field id={`${id}-example`} label={t('termForm.example')} isOptional>
        {(control) => <Input {...control} name="example" value={example} maxLength={MAX_GLOSSARY_EXAMPLE_CHARS} onChange={(event) => setExample(event.target.value)} />}
      </Field>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" disabled={isBusy}>
          {isBusy ? t('termForm.saving') : submitLabel}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            {t('termForm.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
