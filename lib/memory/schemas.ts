import { z } from 'zod';

import { languageTagSchema } from '../library/language-tag';

/** Matches shown for a segment at most. */
export const MAX_MEMORY_MATCHES = 5;
/** Matches below this percentage are left out unless asked for (translation tools' usual threshold). */
export const DEFAULT_MIN_MATCH_PERCENT = 75;
/** Lowest threshold a caller may ask for: below it a "match" is another sentence. */
export const LOWEST_MIN_MATCH_PERCENT = 50;

/** `GET /api/works/[workId]/memory`: the segment being translated, the language it is translated into. */
export const memoryQuerySchema = z.object({
  workId: z.uuid(),
  segment: z.uuid(),
  lang: languageTagSchema,
  min: z.coerce.number().int().min(LOWEST_MIN_MATCH_PERCENT).max(100).default(DEFAULT_MIN_MATCH_PERCENT),
});

export type MemoryQuery = z.infer<typeof memoryQuerySchema>;
