'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';

import { formatBytes, MAX_GLOSSARY_FILE_BYTES } from '@/lib/config/limits';
import type { GlossaryImportSummary } from '@/lib/glossary/types';

import { glossaryDownloadHref, importGlossary } from './glossary-api';
import { Alert } from '../ui/alert';
import { Button, buttonClassName } from '../ui/button';
import { Field } from '../ui/field';
import { Input } from '../ui/input';

const SKIP_LABELS: Record<keyof GlossaryImportSummary['skipped'], string> = {
  noTerm: 'without a term in the source language',
  noTranslation: 'without a translation',
  tooLong: 'too long',
  noWord: 'of signs only',
};

const count = (value: number) => value.toLocaleString('en');

/**
 * Downloading the pair's glossary as TBX-Basic or CSV (anyone), and importing a TBX or CSV file
 * into it (editors): the file's terms are added, or merged into those there already.
 */
export function GlossaryExchange({ collectionId, source, target, canImport }: { collectionId: string; source: string; target: string; canImport: boolean }) {
  const router = useRouter();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<GlossaryImportSummary | null>(null);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    if (!file) return;
    if (file.size > MAX_GLOSSARY_FILE_BYTES) return setError(`The file is ${formatBytes(file.size)}; glossaries are imported up to ${formatBytes(MAX_GLOSSARY_FILE_BYTES)}.`);
    const form = new FormData();
    form.set('file', file);
    form.set('source', source);
    form.set('target', target);
    setBusy(true);
    setError(null);
    setSummary(null);
    const result = await importGlossary(collectionId, form);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setSummary(result.data);
    setFile(null);
    formElement.reset();
    router.refresh();
  };

  const skipped = summary ? Object.entries(summary.skipped).filter(([, value]) => value > 0) : [];
  return (
    <section aria-label="Download or import" className="space-y-3 rounded-lg border border-line bg-surface p-4 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-muted">Download:</span>
        <a href={glossaryDownloadHref(collectionId, source, target, 'tbx')} download className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
          TBX
        </a>
        <a href={glossaryDownloadHref(collectionId, source, target, 'csv')} download className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
          CSV
        </a>
      </div>
      {canImport && (
        <form onSubmit={(event) => void handleSubmit(event)} className="flex flex-wrap items-end gap-3" noValidate>
          <Field id={`${id}-file`} label="Import a TBX or CSV file" hint={`Up to ${formatBytes(MAX_GLOSSARY_FILE_BYTES)}. CSV columns: term, translation, status, part_of_speech, note, example. Terms there already take the file’s details; nothing is deleted.`} className="min-w-0 flex-1">
            {(control) => <Input {...control} type="file" name="file" accept=".tbx,.xml,.csv,application/xml,text/xml,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} disabled={isBusy} />}
          </Field>
          <Button type="submit" disabled={isBusy || !file}>
            {isBusy ? 'Importing…' : 'Import'}
          </Button>
        </form>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {summary && (
        <Alert tone="success" title={`Imported ${summary.file}`}>
          <p>
            {count(summary.created)} new {summary.created === 1 ? 'term' : 'terms'}, {count(summary.updated)} changed, {count(summary.unchanged)} already as in the file.
          </p>
          {skipped.length > 0 && <p>Left out: {skipped.map(([reason, value]) => `${count(value)} ${SKIP_LABELS[reason as keyof GlossaryImportSummary['skipped']]}`).join(', ')}.</p>}
        </Alert>
      )}
    </section>
  );
}
