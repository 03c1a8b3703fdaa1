import { MAX_UPLOAD_BYTES, UPLOAD_FORM_OVERHEAD_BYTES } from '@/lib/config/limits';
import { defineRoute } from '@/lib/http/route';
import { extractUploadText } from '@/lib/import/extract-upload-text';
import { extractFormSchema } from '@/lib/import/schemas';
import { uploadFromForm } from '@/lib/import/store-upload';

/**
 * The text of an uploaded file as the import would hand it to the cleanup rules, with its format
 * and encoding: the import preview runs on it in the browser for files it cannot read itself
 * (Word documents). Stores nothing.
 */
export const POST = defineRoute({
  permission: 'work.import',
  input: extractFormSchema,
  maxBodyBytes: MAX_UPLOAD_BYTES + UPLOAD_FORM_OVERHEAD_BYTES,
  accepts: 'multipart',
  handler: async ({ input: { file } }) => {
    const { format, encoding, text } = await extractUploadText({ file: await uploadFromForm({ file }) });
    return Response.json({ format, encoding, text });
  },
});
