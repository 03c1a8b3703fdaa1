'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';

import { formatByteSize } from '@/components/format/byte-size';
import { MAX_XLIFF_BYTES, MAX_XLIFF_SUGGESTIONS } from '@/lib/config/limits';
import type { XliffImportReport } from '@/lib/xliff/types';

import { postForm } from '../http/api-request';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Input } from '../ui/input';

type XliffImportTranslator = ReturnType<typeof useTranslations<'xliffImport'>>;

/** Why a unit was skipped, in the interface's language (a suggestion the server refused: its answer, worded in the request's language). */
function skipReason(skip: XliffImportReport['skipped'][number], t: XliffImportTranslator): string {
  if (skip.reason === 'refused') return skip.message;
  if (skip.reason === 'limit') return t('skip.limit', { max: MAX_XLIFF_SUGGESTIONS });
  return t(`skip.${skip.reason}`);
}

/**
 * Brings back an XLIFF file downloaded from this work and translated in a translator's tool: its
 * edited segments become the volunteer's suggestions, for review (never published at once). The
 * report says how many were suggested, unchanged or already waiting, and why others were skipped.
 */
export function XliffImportForm({ workId }: { workId: string }) {
  const t = useTranslations('xliffImport');
  const format = useFormatter();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<XliffImportReport | null>(null);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = new FormData(event.currentTarget);
    const file = body.get('file');
    if (file instanceof File && file.size > MAX_XLIFF_BYTES) {
      setError(t('tooLarge', { size: formatByteSize(file.size, format), limit: formatByteSize(MAX_XLIFF_BYTES, format) }));
      return;
    }
    setIsSubmitting(true);
    setError(null);
    setReport(null);
    const outcome = await postForm<XliffImportReport>(`/api/works/${encodeURIComponent(workId)}/xliff`, body);
    setIsSubmitting(false);
    if (!outcome.ok) return setError(outcome.error.message);
    setReport(outcome.data);
  };

  return (
    <div className="space-y-4">
      <form onSubmit={(event) => void handleSubmit(event)} className="flex flex-wrap items-end gap-4" aria-busy={isSubmitting}>
        <Field id="xliff-file" label={t('file')} hint={t('fileHint', { limit: formatByteSize(MAX_XLIFF_BYTES, format) })} className="min-w-64 flex-1">
          {(control) => <Input {...control} name="file" type="file" accept=".xlf,.xliff,.xml,application/xliff+xml" required />}
        </Field>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t('importing') : t('submit')}
        </Button>
      </form>
      {error && <Alert tone="error">{error}</Alert>}
      {report && (
        <Alert tone="success" title={t('made', { count: report.suggested })}>
          <p>
            {t('summary', { units: report.units, language: report.language, version: report.version, unchanged: report.unchanged, waiting: report.alreadySuggested, skipped: report.skippedCount })}
          </p>
          {report.skipped.length > 0 && (
            <ul className="mt-2 list-disc pl-5">
              {report.skipped.map((skip) => (
                <li key={`${skip.unitId}-${skip.reason}`}>
                  <code className="text-xs">{skip.unitId}</code>: {skipReason(skip, t)}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </div>
  );
}
