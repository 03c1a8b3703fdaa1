import type { VolumeImportSummary } from '@/lib/import/import-volume';
import type { ImportSummary } from '@/lib/import/types';

import type { ApiError } from '../http/api-request';

/** What `POST /api/imports` answers: one work, or the works of a volume imported split. */
export type ImportResult = ImportSummary | VolumeImportSummary;

export function isVolumeResult(result: ImportResult): result is VolumeImportSummary {
  return 'works' in result;
}

export interface ImportFailure {
  message: string;
  fieldErrors: Record<string, string>;
}

/** A failed import request for the form: its message verbatim (written for users) and the first message per field. */
export function importFailureOf(error: ApiError): ImportFailure {
  const fieldErrors: Record<string, string> = {};
  const { details } = error;
  if (details && typeof details === 'object' && !Array.isArray(details)) {
    for (const [field, messages] of Object.entries(details as Record<string, unknown>)) {
      if (Array.isArray(messages) && typeof messages[0] === 'string') fieldErrors[field] = messages[0];
    }
  }
  return { message: error.message, fieldErrors };
}
