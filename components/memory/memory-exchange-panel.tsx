'use client';

import { useRouter } from 'next/navigation';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useState, type ChangeEvent, type FormEvent } from 'react';

import { formatByteSize } from '@/components/format/byte-size';
import { MAX_TMX_BYTES } from '@/lib/config/limits';
import { AppError } from '@/lib/errors/app-error';
import type { MemoryCollection, MemoryImportSkips, MemoryImportSummary } from '@/lib/memory/types';

import { importMemory, memoryDownloadHref } from './memory-api';
import { readTmxLanguages, type TmxLanguages } from './read-tmx-languages';
import { useErrorWording } from '../errors/error-wording';
import { languageLabel } from '../format/language-name';
import { Alert } from '../ui/alert';
import { Button, buttonClassName } from '../ui/button';
import { Field } from '../ui/field';
import { Input } from '../ui/input';
import { Select } from '../ui/select';

export interface MemoryExchangePanelProps {
  collection: MemoryCollection;
  /** Names of the languages of the collection's pairs, computed on the server. */
  names: Record<string, string>;
}

/**
 * One collection's translation memory: its language pairs, each downloadable as TMX, the files
 * imported into it, and the form that imports a TMX file. The file is read in the browser first,
 * with the importer's own reader, for its languages: the pair to import is chosen among them.
 */
export function MemoryExchangePanel({ collection, names }: MemoryExchangePanelProps) {
  const t = useTranslations('memoryExchange');
  const format = useFormatter();
  const locale = useLocale();
  const wording = useErrorWording();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [scan, setScan] = useState<TmxLanguages | null>(null);
  const [source, setSource] = useState('');
  const [target, setTarget] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<MemoryImportSummary | null>(null);
  const id = `memory-${collection.id}`;
  const nameOf = (language: string) => names[language] ?? languageLabel(language, locale);

  const handleFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setScan(null);
    setSummary(null);
    setError(null);
    if (!chosen) return;
    if (chosen.size > MAX_TMX_BYTES) {
      setError(t('tooLarge', { size: formatByteSize(chosen.size, format), limit: formatByteSize(MAX_TMX_BYTES, format) }));
      return;
    }
    setIsBusy(true);
    try {
      const read = await readTmxLanguages(chosen);
      setScan(read);
      const first = read.headerSource && read.languages.some((entry) => entry.language === read.headerSource) ? read.headerSource : (read.languages[0]?.language ?? '');
      setSource(first);
      setTarget(read.languages.find((entry) => entry.language !== first)?.language ?? '');
      if (read.languages.length < 2) setError(t('notTwoLanguages'));
    } catch (failure) {
      setError(failure instanceof AppError ? wording.error(failure) : t('unreadable'));
    } finally {
      setIsBusy(false);
    }
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    if (!file) return;
    const form = new FormData();
    form.set('file', file);
    form.set('source', source);
    form.set('target', target);
    setIsBusy(true);
    setError(null);
    const result = await importMemory(collection.id, form);
    setIsBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setSummary(result.data);
    setFile(null);
    setScan(null);
    formElement.reset();
    router.refresh();
  };

  return (
    <section aria-labelledby={`${id}-title`} className="mt-10 rounded-lg border border-line bg-surface p-5 shadow-sm">
      <h2 id={`${id}-title`} className="font-serif text-xl font-semibold">
        {collection.title}
      </h2>

      {collection.pairs.length === 0 ? (
        <p className="mt-3 text-sm text-muted">{t('none')}</p>
      ) : (
        <ul className="mt-3 divide-y divide-line">
          {collection.pairs.map((pair) => (
            <li key={`${pair.sourceLanguage}>${pair.targetLanguage}`} className="flex flex-wrap items-center justify-between gap-3 py-2.5">
              <div>
                <span className="font-medium">
                  {nameOf(pair.sourceLanguage)} → {nameOf(pair.targetLanguage)}
                </span>
                <span className="block text-xs text-muted">
                  {t('pairCounts', { library: pair.library, imported: pair.imported })}
                </span>
              </div>
              <a href={memoryDownloadHref(collection.id, pair.sourceLanguage, pair.targetLanguage)} download className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
                {t('download')}
              </a>
            </li>
          ))}
        </ul>
      )}

      {collection.files.length > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold">{t('importedFiles')}</h3>
          <ul className="mt-1 text-sm text-muted">
            {collection.files.map((imported) => (
              <li key={imported.name}>{t('file', { name: imported.name, count: imported.units })}</li>
            ))}
          </ul>
        </div>
      )}

      <form onSubmit={(event) => void handleSubmit(event)} className="mt-5 space-y-4 border-t border-line pt-4" noValidate>
        <Field id={`${id}-file`} label={t('importLabel')} hint={t('importHint', { limit: formatByteSize(MAX_TMX_BYTES, format) })}>
          {(control) => <Input {...control} type="file" name="file" accept=".tmx,.xml,application/xml,text/xml" onChange={(event) => void handleFile(event)} disabled={isBusy} />}
        </Field>
        {scan && scan.languages.length >= 2 && (
          <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <Field id={`${id}-source`} label={t('source')}>
              {(control) => (
                <Select {...control} value={source} onChange={(event) => setSource(event.target.value)}>
                  {scan.languages.map((entry) => (
                    <option key={entry.language} value={entry.language}>
                      {t('languageOption', { language: nameOf(entry.language), count: entry.units })}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field id={`${id}-target`} label={t('target')}>
              {(control) => (
                <Select {...control} value={target} onChange={(event) => setTarget(event.target.value)}>
                  {scan.languages.map((entry) => (
                    <option key={entry.language} value={entry.language}>
                      {t('languageOption', { language: nameOf(entry.language), count: entry.units })}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Button type="submit" disabled={isBusy || !source || !target || source === target}>
              {isBusy ? t('importing') : t('submit', { count: scan.units })}
            </Button>
          </div>
        )}
        {isBusy && !scan && <p className="text-sm text-muted">{t('reading')}</p>}
      </form>
      {error && (
        <Alert tone="error" className="mt-3">
          {error}
        </Alert>
      )}
      {summary && (
        <Alert tone="success" className="mt-3" title={t('imported', { count: summary.imported, file: summary.file })}>
          {summary.replaced > 0 && <p>{t('replaced', { count: summary.replaced })}</p>}
          {Object.entries(summary.skipped).some(([, value]) => value > 0) && (
            <p>
              {t('skipped', {
                list: (Object.entries(summary.skipped) as [keyof MemoryImportSkips, number][])
                  .filter(([, value]) => value > 0)
                  .map(([reason, value]) => t(`skip.${reason}`, { count: value }))
                  .join(', '),
              })}
            </p>
          )}
        </Alert>
      )}
    </section>
  );
}
