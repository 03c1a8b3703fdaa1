import type { MemoryImportSummary } from '@/lib/memory/types';

import { postForm } from '../http/api-request';

/** Imports a TMX file (the form's `file`, `source` and `target`) into a collection's memory. */
export function importMemory(collectionId: string, form: FormData) {
  return postForm<MemoryImportSummary>(`/api/collections/${encodeURIComponent(collectionId)}/memory`, form);
}

/** Where a collection's memory for one language pair is downloaded as TMX (a plain link: the browser saves it). */
export function memoryDownloadHref(collectionId: string, sourceLanguage: string, targetLanguage: string): string {
  return `/api/collections/${encodeURIComponent(collectionId)}/memory/tmx?${new URLSearchParams({ source: sourceLanguage, target: targetLanguage }).toString()}`;
}
