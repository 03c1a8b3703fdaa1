import { GLOSSARY_IMPORT_CONCURRENCY, MAX_GLOSSARY_FILE_BYTES, UPLOAD_FORM_OVERHEAD_BYTES } from '@/lib/config/limits';
import { importGlossary } from '@/lib/glossary/import-glossary';
import { glossaryImportFormSchema } from '@/lib/glossary/schemas';
import { defineRoute } from '@/lib/http/route';

/** Imports a TBX or CSV file (multipart: the file, the pair, and optionally the format) into the collection's glossary, as approved terms; one per account at a time, two in all. */
export const POST = defineRoute({
  permission: 'glossary.manage',
  input: glossaryImportFormSchema,
  maxBodyBytes: MAX_GLOSSARY_FILE_BYTES + UPLOAD_FORM_OVERHEAD_BYTES,
  accepts: 'multipart',
  concurrency: GLOSSARY_IMPORT_CONCURRENCY,
  handler: async ({ actor, input }) => {
    const summary = await importGlossary({ actor, collectionId: input.collectionId, file: input.file, sourceLanguage: input.source, targetLanguage: input.target, format: input.format });
    return Response.json(summary, { status: 201 });
  },
});
