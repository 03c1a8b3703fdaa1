import { z } from 'zod';

import { fieldMessage } from '../errors/error-text';

/** `POST /api/works/:workId/xliff` (multipart): the XLIFF file a translator's tool gave back. */
export const xliffImportFormSchema = z.object({
  workId: z.uuid(),
  file: z.instanceof(File, { message: fieldMessage('form.xliff.file') }).refine((file) => file.size > 0, { message: fieldMessage('file.empty') }),
});
