import { MAX_UPLOAD_BYTES, UPLOAD_FORM_OVERHEAD_BYTES } from '@/lib/config/limits';
import { defineRoute } from '@/lib/http/route';
import { importVolume } from '@/lib/import/import-volume';
import { importWork } from '@/lib/import/import-work';
import { importFormSchema } from '@/lib/import/schemas';
import { uploadFromForm } from '@/lib/import/store-upload';

/**
 * Imports a work from a multipart form (a file or pasted text, the collection, the metadata), or
 * with `split=true` a volume as one work per item of its table of contents.
 */
export const POST = defineRoute({
  permission: 'work.import',
  input: importFormSchema,
  maxBodyBytes: MAX_UPLOAD_BYTES + UPLOAD_FORM_OVERHEAD_BYTES,
  accepts: 'multipart',
  handler: async ({ actor, input: { file, text, collection, cleanup, split, ...metadata } }) => {
    const upload = await uploadFromForm({ file, text });
    const options = { actor, file: upload, collection: { title: collection }, metadata, cleanup };
    const summary = split ? await importVolume(options) : await importWork(options);
    return Response.json(summary, { status: 201 });
  },
});
