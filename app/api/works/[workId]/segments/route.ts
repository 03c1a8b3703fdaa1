import { z } from 'zod';

import { READER_WINDOW_SEGMENTS } from '@/lib/config/limits';
import { fieldMessage } from '@/lib/errors/error-text';
import { defineRoute } from '@/lib/http/route';
import { languageTagSchema } from '@/lib/library/language-tag';
import { getSegmentWindow } from '@/lib/reader/get-segment-window';

const orderKey = z.string().min(1).max(512);

/** Query of the segments API: where the window starts and which languages it carries. */
const segmentWindowQuerySchema = z
  .object({
    workId: z.string().min(1),
    /** The window after this order key (exclusive). */
    after: orderKey.optional(),
    /** The window ending just before this order key (exclusive). */
    before: orderKey.optional(),
    /** The window around this segment id, with a little context before it. */
    around: z.string().min(1).max(64).optional(),
    /** Comma-separated language tags whose published texts to include ("en,fr"). */
    langs: z
      .string({ error: fieldMessage('form.segments.languagesMissing') })
      .transform((value) => value.split(',').filter(Boolean))
      .pipe(z.array(languageTagSchema).min(1, fieldMessage('form.segments.languagesEmpty')).max(4, fieldMessage('form.segments.tooManyLanguages'))),
    /** Segments per window (at most READER_WINDOW_SEGMENTS). */
    limit: z.coerce.number().int().min(1).max(READER_WINDOW_SEGMENTS).optional(),
  })
  .refine((query) => [query.after, query.before, query.around].filter((value) => value !== undefined).length <= 1, {
    message: fieldMessage('form.segments.oneAnchor'),
  });

/** One window of a work's segments for the reader (`?after=…|before=…|around=…&langs=en,fr`). */
export const GET = defineRoute({
  permission: 'work.read',
  input: segmentWindowQuerySchema,
  handler: async ({ actor, input }) => {
    const { workId, after, before, around, langs, limit } = input;
    const window = await getSegmentWindow({ actor, workId, languages: langs, after, before, around, limit });
    return Response.json(window, { headers: { 'cache-control': 'no-store' } });
  },
});
