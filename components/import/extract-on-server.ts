import type { UploadText } from '@/lib/import/read-upload-text';

import { PreviewError, type PreviewSource } from './cleanup-preview-session';
import { extractUploadText } from './import-api';

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
  const result = await extractUploadText(file, signal);
  if (!result.ok) throw new PreviewError(result.error.message);
  if (!isUploadText(result.data)) throw new PreviewError('The file could not be read.', 'unreadable');
  return { kind: 'extracted', text: result.data.text, format: result.data.format, encoding: result.data.encoding };
}

function isUploadText(value: unknown): value is UploadText {
  if (typeof value !== 'object' || value === null) return false;
  const { text, format, encoding } = value as Record<string, unknown>;
  return typeof text === 'string' && typeof format === 'string' && ['txt', 'md', 'html', 'docx'].includes(format) && typeof encoding === 'string';
}
