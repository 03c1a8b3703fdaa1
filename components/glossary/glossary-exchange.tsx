'use client';

import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';

import { formatByteSize } from '@/components/format/byte-size';
import { MAX_GLOSSARY_FILE_BYTES } from '@/lib/config/limits';
import type { GlossaryImportSummary } from '@/lib/glossary/types';

import { glossaryDownloadHref, importGlossary } from './glossary-api';
import { Alert } from '../ui/alert';
import { Button, buttonClassName } from '../ui/button';
import { Field } from '../ui/field';
import { Input } from '../ui/input';

/**
 * Downloading the pair's glossary as TBX-Basic or CSV (anyone), and importing a TBX or CSV file
 * into it (editors): the file's terms are added, or merged into those there already.
 */
export function GlossaryExchange({ collectionId, source, target, canImport }: { collectionId: string; source: string; target: string; canImport: boolean }) {
  const t = useTranslations('glossary.exchange');
  const format = useFormatter();
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
    if (file.size > MAX_GLOSSARY_FILE_BYTES) return setError(t('tooLarge', { size: formatByteSize(file.size, format), limit: formatByteSize(MAX_GLOSSARY_FILE_BYTES, format) }));
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

  const skipped = summary ? (Object.entries(summary.skipped) as [keyof GlossaryImportSummary['skipped'], number][]).filter(([, value]) => value > 0) : [];
  return (
    <section aria-label={t('label')} className="space-y-3 rounded-lg border border-line bg-surface p-4 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-muted">{t('download')}</span>
        {(['tbx', 'csv'] as const).map((format) => (
          <a key={format} href={glossaryDownloadHref(collectionId, source, target, format)} download className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
            {format.toUpperCase()}
          </a>
        ))}
      </div>
      {canImport && (
        <form onSubmit={(event) => void handleSubmit(event)} className="flex flex-wrap items-end gap-3" noValidate>
          <Field id={`${id}-file`} label={t('importLabel')} hint={t('importHint', { limit: formatByteSize(MAX_GLOSSARY_FILE_BYTES, format) })} className="min-w-0 flex-1">
            {(control) => <Input {...control} type="file" name="file" accept=".tbx,.xml,.csv,application/xml,text/xml,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} disabled={isBusy} />}
          </Field>
          <Button type="submit" disabled={isBusy || !file}>
            {isBusy ? t('importing') : t('import')}
          </Button>
        </form>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {summary && (
        <Alert tone="success" title={t('imported', { file: summary.file })}>
          <p>{t('result', { created: summary.created, updated: summary.updated, unchanged: summary.unchanged })}</p>
          {skipped.length > 0 && <p>{t('leftOut', { list: skipped.map(([reason, value]) => t(`skip.${reason}`, { count: value })).join(', ') })}</p>}
        </Alert>
      )}
    </section>
  );
}
