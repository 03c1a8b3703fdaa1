import { z } from 'zod';

import { languageTagSchema } from '../library/language-tag';

/** Chunks one request of the editor may ask for (100 rows each). */
export const MAX_EDITOR_CHUNKS_PER_REQUEST = 4;

/** Chunks the editor page renders on the server before any request. */
export const INITIAL_EDITOR_CHUNKS = 2;

/** Consecutive chunks of the editor one request asks about: `?chunk=3&count=2`. */
export const editorChunkRangeSchema = z.object({
  /** The first chunk wanted. */
  chunk: z.coerce.number().int().min(0).max(999_999),
  /** How many consecutive chunks, from `chunk`. */
  count: z.coerce.number().int().min(1).max(MAX_EDITOR_CHUNKS_PER_REQUEST).default(1),
});

/** Query of `GET /api/works/:workId/editor-rows`: which chunks of which language. */
export const editorRowsQuerySchema = editorChunkRangeSchema.extend({
  /** The work (route parameter). */
  workId: z.string().min(1),
  /** The language being edited (the work's source language when correcting the original). */
  lang: languageTagSchema,
});

export type EditorRowsQuery = z.infer<typeof editorRowsQuerySchema>;
