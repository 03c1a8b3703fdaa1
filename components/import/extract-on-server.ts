import { isAppErrorBody } from '@/lib/errors/app-error';
import type { UploadText } from '@/lib/import/read-upload-text';

import { PreviewError, type PreviewSource } from './cleanup-preview-session';

/** Files the browser cannot read itself: the server takes their text out for the preview. */
export function isReadOnServer(file: File): boolean {
  return /\.docx$/iu.test(file.name);
}

/**
 * The preview source of a file read on the server (`POST /api/imports/extract`): its text exactly
 * as the import hands it to the cleanup rules. Throws {@link PreviewError} with the server's reason
 * when the file cannot be read.
 */
export async function extractOnServer(file: File, signal?: AbortSignal): Promise<PreviewSource> {
  const body = new FormData();
  body.set('file', file);
  let response: Response;
  try {
    response = await fetch('/api/imports/extract', { method: 'POST', body, signal });
  } catch {
    throw new PreviewError('The server could not be reached to read the file. Check your connection and try again.');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new PreviewError(isAppErrorBody(payload) ? payload.error.message : `The file could not be read (the server answered ${response.status}).`);
  if (!isUploadText(payload)) throw new PreviewError('The file could not be read.');
  return { kind: 'extracted', text: payload.text, format: payload.format, encoding: payload.encoding };
}

function isUploadText(value: unknown): value is UploadText {
  if (typeof value !== 'object' || value === null) return false;
  const { text, format, encoding } = value as Record<string, unknown>;
  return typeof text === 'string' && typeof format === 'string' && ['txt', 'md', 'html', 'docx'].includes(format) && typeof encoding === 'string';
}
