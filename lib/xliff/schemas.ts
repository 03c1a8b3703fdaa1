import { z } from 'zod';

/** `POST /api/works/:workId/xliff` (multipart): the XLIFF file a translator's tool gave back. */
export const xliffImportFormSchema = z.object({
  workId: z.uuid(),
  file: z.instanceof(File, { message: 'Choose an XLIFF file.' }).refine((file) => file.size > 0, { message: 'The file is empty.' }),
});
