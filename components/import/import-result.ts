import { isAppErrorBody } from '@/lib/errors/app-error';
import type { VolumeImportSummary } from '@/lib/import/import-volume';
import type { ImportSummary } from '@/lib/import/types';

/** What `POST /api/imports` answers: one work, or the works of a volume imported split. */
export type ImportResult = ImportSummary | VolumeImportSummary;

export function isVolumeResult(result: ImportResult): result is VolumeImportSummary {
  return 'works' in result;
}

export interface ImportFailure {
  message: string;
  fieldErrors: Record<string, string>;
}

/** Reads an error response of the import API: its message verbatim (written for users) and the first message per field. */
export function parseImportFailure(status: number, body: unknown): ImportFailure {
  if (!isAppErrorBody(body)) return { message: `The import failed (the server answered ${status}). Please try again.`, fieldErrors: {} };
  const fieldErrors: Record<string, string> = {};
  const { details } = body.error;
  if (details && typeof details === 'object' && !Array.isArray(details)) {
    for (const [field, messages] of Object.entries(details as Record<string, unknown>)) {
      if (Array.isArray(messages) && typeof messages[0] === 'string') fieldErrors[field] = messages[0];
    }
  }
  return { message: body.error.message, fieldErrors };
}
