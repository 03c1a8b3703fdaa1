import { z } from 'zod';

import { languageTagSchema } from '../library/language-tag';

/** `POST /api/works/[workId]/machine-translation`: the segment whose published source to translate, and into which language. */
export const machineTranslationInputSchema = z.object({
  workId: z.uuid(),
  /** The segment being translated. */
  segment: z.uuid(),
  /** The language translated into (not the work's source language). */
  lang: languageTagSchema,
});

export type MachineTranslationInput = z.infer<typeof machineTranslationInputSchema>;
