import type { AlignedTranslationSummary } from '@/lib/align/types';
import type { UploadText } from '@/lib/import/read-upload-text';
import type { ReimportInput } from '@/lib/import/schemas';
import type { ReimportSummary } from '@/lib/import/types';

import type { ImportResult } from './import-result';
import { postForm, postJson } from '../http/api-request';

/** Imports a text (a file or pasted text, its metadata, the cleanup choice) with `POST /api/imports`. */
export function importText(form: FormData) {
  return postForm<ImportResult>('/api/imports', form);
}

/** The text of a file the browser cannot read (a Word document), exactly as the import would read it. */
export function extractUploadText(file: File, signal?: AbortSignal) {
  const form = new FormData();
  form.set('file', file);
  return postForm<UploadText>('/api/imports/extract', form, { signal });
}

/** Adds an existing translation (a file and its metadata) to a work; the server aligns it. */
export function addTranslation(workId: string, form: FormData) {
  return postForm<AlignedTranslationSummary>(`/api/works/${encodeURIComponent(workId)}/translations`, form);
}

/** Runs a work's import again with other cleanup choices: a dry run reports, otherwise it writes new revisions. */
export function reimportWork(workId: string, input: Omit<ReimportInput, 'workId'>) {
  return postJson<ReimportSummary>(`/api/works/${encodeURIComponent(workId)}/reimport`, input);
}
