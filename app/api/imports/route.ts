import { MAX_UPLOAD_BYTES } from '@/lib/config/limits';
import { defineRoute } from '@/lib/http/route';
import { importWork } from '@/lib/import/import-work';
import { importFormSchema } from '@/lib/import/schemas';

/** Room for the metadata fields and multipart boundaries around a file of the maximum size. */
const FORM_OVERHEAD_BYTES = 256 * 1024;

/** Imports a work from a multipart form (a file or pasted text, the collection, the metadata). */
export const POST = defineRoute({
  permission: 'work.import',
  input: importFormSchema,
  maxBodyBytes: MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES,
  handler: async ({ actor, input: { file, text, collection, ...metadata } }) => {
    const upload = file
      ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), mediaType: file.type }
      : { name: 'pasted.txt', bytes: new TextEncoder().encode(text ?? ''), mediaType: 'text/plain' };
    const summary = await importWork({ actor, file: upload, collection: { title: collection }, metadata });
    return Response.json(summary, { status: 201 });
  },
});
