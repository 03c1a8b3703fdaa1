import { translationFormSchema } from '@/lib/align/schemas';
import { MAX_UPLOAD_BYTES, UPLOAD_FORM_OVERHEAD_BYTES } from '@/lib/config/limits';
import { defineRoute } from '@/lib/http/route';
import { importAlignedTranslation } from '@/lib/import/import-aligned-translation';
import { uploadFromForm } from '@/lib/import/store-upload';

/** Adds an existing translation to a work, aligned automatically (multipart form). */
export const POST = defineRoute({
  permission: 'work.import',
  input: translationFormSchema,
  maxBodyBytes: MAX_UPLOAD_BYTES + UPLOAD_FORM_OVERHEAD_BYTES,
  accepts: 'multipart',
  handler: async ({ actor, input: { workId, file, text, ...provenance } }) => {
    const upload = await uploadFromForm({ file, text });
    const summary = await importAlignedTranslation({ actor, workId, file: upload, provenance });
    return Response.json(summary, { status: 201 });
  },
});
