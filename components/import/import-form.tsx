'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';

import { formatByteSize, type NumberFormatter } from '@/components/format/byte-size';
import { CLEANUP_RULES, type CleanupRuleId } from '@/lib/cleanup';
import { MAX_UPLOAD_BYTES } from '@/lib/config/limits';
import { titleFromFilename } from '@/lib/import/default-title';
import { workMetadataSchema } from '@/lib/import/schemas';

import { CleanupPanel } from './cleanup-panel';
import type { ImportTranslator } from './cleanup-rule-text';
import { FileDropZone } from './file-drop-zone';
import { importText } from './import-api';
import { importFailureOf, type ImportFailure, type ImportResult } from './import-result';
import { ImportSummary } from './import-summary';
import { useCleanupPreview, type PreviewInput } from './use-cleanup-preview';
import { useDebouncedValue } from './use-debounced-value';
import { useErrorWording, type ErrorWording } from '../errors/error-wording';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { Field } from '../ui/field';
import { Input } from '../ui/input';
import { Textarea } from '../ui/textarea';

export interface ImportFormProps {
  /** Titles of the collections the viewer may import into (suggestions for the collection field). */
  collections: string[];
  /** Whether typing a new title creates a collection (admins). */
  canCreateCollection: boolean;
}

type Source = 'file' | 'paste';

const TEXT_FIELDS = ['title', 'author', 'dateText', 'language', 'collection', 'sourceEdition', 'provenance', 'licence'] as const;

/** Wait after the last keystroke in the paste box before analysing the text. */
const PASTE_DEBOUNCE_MS = 400;

const DEFAULT_RULES = Object.fromEntries(CLEANUP_RULES.map((rule) => [rule.id, rule.defaultEnabled])) as Record<CleanupRuleId, boolean>;

/** Markdown is structured already, so the server skips cleanup for it by default; the form agrees. */
function isMarkdownName(name: string): boolean {
  return /\.(md|markdown)$/i.test(name);
}

/**
 * Upload or paste a text with its bibliographic details and import it through `POST /api/imports`.
 * The metadata is checked in the browser with the server's own schema; every server refusal is
 * shown with its message, which says why.
 */
export function ImportForm({ collections, canCreateCollection }: ImportFormProps) {
  const t = useTranslations('import');
  const format = useFormatter();
  const wording = useErrorWording();
  const [source, setSource] = useState<Source>('file');
  const [file, setFile] = useState<File | null>(null);
  const [pastedText, setPastedText] = useState('');
  // null: the default for the format (on for plain text, off for Markdown).
  const [cleanupOverride, setCleanupOverride] = useState<boolean | null>(null);
  const [rules, setRules] = useState(DEFAULT_RULES);
  const [previewPage, setPreviewPage] = useState(0);
  const [isSplit, setIsSplit] = useState(false);
  const [title, setTitle] = useState('');
  // Until the user types a title, the form offers the text's own (or its file's name made readable).
  const [isTitleTyped, setIsTitleTyped] = useState(false);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  const settledText = useDebouncedValue(pastedText, PASTE_DEBOUNCE_MS);
  const previewInput = useMemo<PreviewInput | null>(() => {
    if (source === 'file') return file ? { kind: 'file', file } : null;
    return settledText.trim() ? { kind: 'text', text: settledText } : null;
  }, [source, file, settledText]);
  const isCleanupEnabled = cleanupOverride ?? !(source === 'file' && file && isMarkdownName(file.name));
  const preview = useCleanupPreview(previewInput, isCleanupEnabled ? rules : null, previewPage);
  // The split follows the cleaned text, so it is offered (and sent) only while cleanup is on.
  const isSplitOffered = isCleanupEnabled && Boolean(preview.preview?.split);
  // The text's own title, once the preview has read the chosen file, stands in for the file's name.
  const textTitle = source === 'file' && preview.analysis.status === 'ready' ? preview.analysis.analysis.title : null;
  const shownTitle = isTitleTyped || !textTitle ? title : textTitle;

  // The submit button is at the bottom: bring the reason for a refusal into view and focus.
  useEffect(() => {
    if (!failure) return;
    failureRef.current?.scrollIntoView({ block: 'center' });
    failureRef.current?.focus({ preventScroll: true });
  }, [failure]);

  const handleFile = (chosen: File | null) => {
    setFile(chosen);
    setFailure(null);
    setCleanupOverride(null);
    setRules(DEFAULT_RULES);
    setPreviewPage(0);
    setIsSplit(false);
    if (chosen && !isTitleTyped) setTitle(titleFromFilename(chosen.name));
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fields = Object.fromEntries(TEXT_FIELDS.map((name) => [name, String(form.get(name) ?? '')]));
    const text = String(form.get('text') ?? '');
    const refusal = checkBeforeUpload({ source, file, text, fields, t, format, wording });
    if (refusal) {
      setFailure(refusal);
      return;
    }
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    if (source === 'file' && file) body.set('file', file);
    else body.set('text', text);
    body.set('cleanup', JSON.stringify({ isEnabled: isCleanupEnabled, rules }));
    body.set('split', String(isSplitOffered && isSplit));

    setIsSubmitting(true);
    setFailure(null);
    const outcome = await importText(body);
    setIsSubmitting(false);
    if (outcome.ok) setResult(outcome.data);
    else setFailure(importFailureOf(outcome.error));
  };

  const handleImportAnother = () => {
    setResult(null);
    setFile(null);
    setPastedText('');
    setCleanupOverride(null);
    setRules(DEFAULT_RULES);
    setPreviewPage(0);
    setIsSplit(false);
    setTitle('');
    setIsTitleTyped(false);
  };

  if (result) return <ImportSummary result={result} onImportAnother={handleImportAnother} />;

  const fieldError = (name: string) => failure?.fieldErrors[name];
  return (
    <form onSubmit={(event) => void handleSubmit(event)} className="space-y-8" noValidate aria-busy={isSubmitting}>
      {failure && (
        <div ref={failureRef} tabIndex={-1} className="scroll-mt-24 rounded-md focus:outline-none">
          <Alert tone="error" title={t('form.failed')}>
            {failure.message}
          </Alert>
        </div>
      )}

      <fieldset className="space-y-4">
        <legend className="font-serif text-lg font-semibold">{t('form.textLegend')}</legend>
        <div role="group" aria-label={t('form.sourceGroup')} className="inline-flex rounded-lg bg-stone-100 p-1">
          {(['file', 'paste'] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={source === option}
              onClick={() => {
                setSource(option);
                setCleanupOverride(null);
                setPreviewPage(0);
                setIsSplit(false);
              }}
              className={cn('rounded-md px-3 py-1.5 text-sm font-medium', source === option ? 'bg-surface text-ink shadow-sm' : 'text-muted hover:text-ink')}
            >
              {option === 'file' ? t('form.upload') : t('form.paste')}
            </button>
          ))}
        </div>
        {source === 'file' ? (
          <div className="space-y-1.5">
            <FileDropZone id="file" file={file} maxBytes={MAX_UPLOAD_BYTES} onFile={handleFile} describedBy={fieldError('file') ? 'file-error' : undefined} />
            {fieldError('file') && (
              <p id="file-error" className="text-sm text-red-700">
                {fieldError('file')}
              </p>
            )}
          </div>
        ) : (
          <Field id="text" label={t('form.text')} hint={t('form.textHint', { limit: formatByteSize(MAX_UPLOAD_BYTES, format) })} error={fieldError('text') ?? fieldError('file')}>
            {(control) => (
              <Textarea
                {...control}
                name="text"
                rows={10}
                className="font-serif"
                value={pastedText}
                onChange={(event) => {
                  setPastedText(event.target.value);
                  setPreviewPage(0);
                }}
              />
            )}
          </Field>
        )}
      </fieldset>

      {previewInput && (
        <CleanupPanel
          state={preview}
          isEnabled={isCleanupEnabled}
          rules={rules}
          onEnabledChange={setCleanupOverride}
          onRuleChange={(ruleId, isOn) => setRules((current) => ({ ...current, [ruleId]: isOn }))}
          onPageChange={setPreviewPage}
          isSplit={isSplit}
          onSplitChange={setIsSplit}
        />
      )}

      <fieldset className="space-y-4">
        <legend className="font-serif text-lg font-semibold">{t('form.aboutLegend')}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="title" label={t('form.title')} error={fieldError('title')} className="sm:col-span-2">
            {(control) => <Input {...control} name="title" value={shownTitle} onChange={(event) => {
                  setTitle(event.target.value);
                  setIsTitleTyped(true);
                }} required />}
          </Field>
          <Field id="author" label={t('form.author')} isOptional error={fieldError('author')}>
            {(control) => <Input {...control} name="author" />}
          </Field>
          <Field id="dateText" label={t('form.date')} isOptional hint={t('form.dateHint')} error={fieldError('dateText')}>
            {(control) => <Input {...control} name="dateText" />}
          </Field>
          <Field id="language" label={t('form.language')} hint={t('form.languageHint')} error={fieldError('language')}>
            {(control) => <Input {...control} name="language" defaultValue="en" required autoCapitalize="none" spellCheck={false} />}
          </Field>
          <Field
            id="collection"
            label={t('form.collection')}
            hint={canCreateCollection ? t('form.collectionHintCreate') : t('form.collectionHint')}
            error={fieldError('collection')}
          >
            {(control) => <Input {...control} name="collection" list="collection-titles" defaultValue={collections[0] ?? 'Library'} required />}
          </Field>
          <datalist id="collection-titles">
            {collections.map((collection) => (
              <option key={collection} value={collection} />
            ))}
          </datalist>
          <Field id="sourceEdition" label={t('form.sourceEdition')} isOptional error={fieldError('sourceEdition')} className="sm:col-span-2">
            {(control) => <Input {...control} name="sourceEdition" placeholder={t('form.sourceEditionPlaceholder')} />}
          </Field>
          <Field id="provenance" label={t('form.provenance')} isOptional hint={t('form.provenanceHint')} error={fieldError('provenance')} className="sm:col-span-2">
            {(control) => <Textarea {...control} name="provenance" rows={2} />}
          </Field>
          <Field id="licence" label={t('form.licence')} isOptional error={fieldError('licence')} className="sm:col-span-2">
            {(control) => <Input {...control} name="licence" placeholder={t('form.licencePlaceholder')} />}
          </Field>
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t('form.importing') : t('form.submit')}
        </Button>
        {isSubmitting && (
          <p role="status" className="text-sm text-muted">
            {t('form.importingNote')}
          </p>
        )}
      </div>
    </form>
  );
}

/** The refusals the browser can tell without the server: missing text, too large, invalid details. */
function checkBeforeUpload({ source, file, text, fields, t, format, wording }: { source: Source; file: File | null; text: string; fields: Record<string, string>; t: ImportTranslator; format: NumberFormatter; wording: ErrorWording }): ImportFailure | null {
  if (source === 'file' && !file) return { message: t('form.chooseFile'), fieldErrors: { file: t('form.chooseFileField') } };
  if (source === 'paste' && !text.trim()) return { message: t('form.pasteText'), fieldErrors: { text: t('form.pasteTextField') } };
  const bytes = source === 'file' ? (file?.size ?? 0) : new TextEncoder().encode(text).byteLength;
  if (bytes > MAX_UPLOAD_BYTES) {
    const message = t('form.tooLarge', { source, size: formatByteSize(bytes, format), limit: formatByteSize(MAX_UPLOAD_BYTES, format) });
    return { message, fieldErrors: { [source === 'file' ? 'file' : 'text']: message } };
  }
  const parsed = workMetadataSchema.safeParse(fields);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && !fieldErrors[field]) fieldErrors[field] = wording.issue(issue);
    }
    const first = parsed.error.issues[0];
    return { message: first ? wording.issue(first) : t('form.checkDetails'), fieldErrors };
  }
  if (!fields.collection?.trim()) return { message: t('form.nameCollection'), fieldErrors: { collection: t('form.nameCollection') } };
  return null;
}
