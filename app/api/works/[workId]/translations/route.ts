import { importAlignedTranslation } from '@/lib/align/import-aligned-translation';
import { translationFormSchema } from '@/lib/align/schemas';
import { MAX_UPLOAD_BYTES } from '@/lib/config/limits';
import { defineRoute } from '@/lib/http/route';

/** Room for the form fields and multipart boundaries around a file of the maximum size. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** Adds an existing translation to a work, aligned automatically (multipart form). */
export const POST = defineRoute({
  permission: 'work.import',
  input: translationFormSchema,
  maxBodyBytes: MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES,
  handler: async ({ actor, input: { workId, file, text, ...provenance } }) => {
    const upload = file
      ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), mediaType: file.type }
      : { name: 'pasted.txt', bytes: new TextEncoder().encode(text ?? ''), mediaType: 'text/plain' };
    const summary = await importAlignedTranslation({ actor, workId, file: upload, provenance });
    return Response.json(summary, { status: 201 });
  },
});
