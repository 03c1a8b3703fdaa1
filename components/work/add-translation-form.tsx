'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';

import { formatByteSize } from '@/components/format/byte-size';
import type { AlignedTranslationSummary } from '@/lib/align/types';
import { MAX_UPLOAD_BYTES } from '@/lib/config/limits';

import { addTranslation } from '../import/import-api';
import { importFailureOf, type ImportFailure } from '../import/import-result';
import { readerHref } from '../reader/reader-href';
import { Alert } from '../ui/alert';
import { Button, buttonClassName } from '../ui/button';
import { Field } from '../ui/field';
import { Input } from '../ui/input';

/**
 * Brings in an existing translation of this work: the server aligns it sentence by sentence and
 * reports how sure it is, with a link to read both side by side.
 */
export function AddTranslationForm({ workId }: { workId: string }) {
  const t = useTranslations('addTranslation.form');
  const format = useFormatter();
  const router = useRouter();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [result, setResult] = useState<AlignedTranslationSummary | null>(null);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = new FormData(event.currentTarget);
    body.set('workId', workId);
    const file = body.get('file');
    if (file instanceof File && file.size > MAX_UPLOAD_BYTES) {
      setFailure({ message: t('tooLarge', { size: formatByteSize(file.size, format), limit: formatByteSize(MAX_UPLOAD_BYTES, format) }), fieldErrors: {} });
      return;
    }
    setIsSubmitting(true);
    setFailure(null);
    const outcome = await addTranslation(workId, body);
    setIsSubmitting(false);
    if (!outcome.ok) return setFailure(importFailureOf(outcome.error));
    setResult(outcome.data);
    router.refresh();
  };

  if (result) {
    return (
      <Alert tone="success" title={t('aligned')}>
        <p>{t('result', { placed: result.targetSentences, confidence: result.meanScore, flagged: result.lowConfidence })}</p>
        <Link href={readerHref({ workId, mode: 'parallel', target: result.language })} className={buttonClassName({ size: 'sm', className: 'mt-3' })}>
          {t('readSideBySide')}
        </Link>
      </Alert>
    );
  }

  return (
    <form onSubmit={(event) => void handleSubmit(event)} className="grid gap-4 sm:grid-cols-2" aria-busy={isSubmitting}>
      <Field id="translation-file" label={t('file')} hint={t('fileHint', { limit: formatByteSize(MAX_UPLOAD_BYTES, format) })} error={failure?.fieldErrors.file} className="sm:col-span-2">
        {(control) => <Input {...control} name="file" type="file" accept=".txt,.md,.markdown,text/plain,text/markdown" required />}
      </Field>
      <Field id="translation-language" label={t('language')} hint={t('languageHint')} error={failure?.fieldErrors.language}>
        {(control) => <Input {...control} name="language" required autoCapitalize="none" spellCheck={false} />}
      </Field>
      <Field id="translation-translator" label={t('translator')} isOptional error={failure?.fieldErrors.translator}>
        {(control) => <Input {...control} name="translator" />}
      </Field>
      <Field id="translation-edition" label={t('edition')} isOptional hint={t('editionHint')} error={failure?.fieldErrors.edition}>
        {(control) => <Input {...control} name="edition" />}
      </Field>
      <Field id="translation-year" label={t('year')} isOptional error={failure?.fieldErrors.publishedYear}>
        {(control) => <Input {...control} name="publishedYear" inputMode="numeric" />}
      </Field>
      <Field id="translation-from" label={t('from')} isOptional hint={t('fromHint')} error={failure?.fieldErrors.translatedFrom}>
        {(control) => <Input {...control} name="translatedFrom" autoCapitalize="none" spellCheck={false} />}
      </Field>
      {failure && (
        <Alert tone="error" className="sm:col-span-2">
          {failure.message}
        </Alert>
      )}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t('aligning') : t('submit')}
        </Button>
      </div>
    </form>
  );
}
