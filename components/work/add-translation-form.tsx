'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

import type { AlignedTranslationSummary } from '@/lib/align/types';
import { formatBytes, MAX_UPLOAD_BYTES } from '@/lib/config/limits';

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
      setFailure({ message: `The file is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_UPLOAD_BYTES)}.`, fieldErrors: {} });
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
      <Alert tone="success" title="Translation aligned">
        <p>
          {result.targetSentences} sentences placed; mean confidence {Math.round(result.meanScore * 100)}%, {result.lowConfidence} pairs flagged for checking.
        </p>
        <Link href={readerHref({ workId, mode: 'parallel', target: result.language })} className={buttonClassName({ size: 'sm', className: 'mt-3' })}>
          Read side by side
        </Link>
      </Alert>
    );
  }

  return (
    <form onSubmit={(event) => void handleSubmit(event)} className="grid gap-4 sm:grid-cols-2" aria-busy={isSubmitting}>
      <Field id="translation-file" label="Translation file" hint={`.txt or .md, UTF-8, up to ${formatBytes(MAX_UPLOAD_BYTES)}.`} error={failure?.fieldErrors.file} className="sm:col-span-2">
        {(control) => <Input {...control} name="file" type="file" accept=".txt,.md,.markdown,text/plain,text/markdown" required />}
      </Field>
      <Field id="translation-language" label="Language" hint="A code such as “fr” or “ru”." error={failure?.fieldErrors.language}>
        {(control) => <Input {...control} name="language" required autoCapitalize="none" spellCheck={false} />}
      </Field>
      <Field id="translation-translator" label="Translator" isOptional error={failure?.fieldErrors.translator}>
        {(control) => <Input {...control} name="translator" />}
      </Field>
      <Field id="translation-edition" label="Edition" isOptional hint="Publisher, place, volume." error={failure?.fieldErrors.edition}>
        {(control) => <Input {...control} name="edition" />}
      </Field>
      <Field id="translation-year" label="Year" isOptional error={failure?.fieldErrors.publishedYear}>
        {(control) => <Input {...control} name="publishedYear" inputMode="numeric" />}
      </Field>
      <Field id="translation-from" label="Translated from" isOptional hint="Only if made from another translation (a pivot), e.g. “ru”." error={failure?.fieldErrors.translatedFrom}>
        {(control) => <Input {...control} name="translatedFrom" autoCapitalize="none" spellCheck={false} />}
      </Field>
      {failure && (
        <Alert tone="error" className="sm:col-span-2">
          {failure.message}
        </Alert>
      )}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Aligning…' : 'Add and align'}
        </Button>
      </div>
    </form>
  );
}
