import { MAX_XLIFF_BYTES, UPLOAD_FORM_OVERHEAD_BYTES, XLIFF_IMPORT_CONCURRENCY } from '@/lib/config/limits';
import { defineRoute } from '@/lib/http/route';
import { localeOfRequest } from '@/lib/i18n/locale-of-request';
import { importXliff } from '@/lib/xliff/import-xliff';
import { xliffImportFormSchema } from '@/lib/xliff/schemas';

/**
 * Imports an XLIFF file (2.0 or 1.2, multipart `file`) downloaded from this work and edited in a
 * translator's tool: its edited targets become the importer's suggestions, never published text.
 * Answers the report (suggested, unchanged, already suggested, skipped with reasons).
 */
export const POST = defineRoute({
  permission: 'suggestion.create',
  input: xliffImportFormSchema,
  maxBodyBytes: MAX_XLIFF_BYTES + UPLOAD_FORM_OVERHEAD_BYTES,
  accepts: 'multipart',
  concurrency: XLIFF_IMPORT_CONCURRENCY,
  handler: async ({ actor, input, request }) => Response.json(await importXliff({ actor, workId: input.workId, file: input.file, locale: localeOfRequest(request.headers, actor) }), { status: 201 }),
});
