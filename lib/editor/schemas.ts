import { z } from 'zod';

import { languageTagSchema } from '../library/language-tag';

/** Chunks one request of the editor may ask for (100 rows each). */
export const MAX_EDITOR_CHUNKS_PER_REQUEST = 4;

/** Chunks the editor page renders on the server before any request. */
export const INITIAL_EDITOR_CHUNKS = 2;

/** Query of `GET /api/works/:workId/editor-rows`: which chunks of which language. */
export const editorRowsQuerySchema = z.object({
  /** The work (route parameter). */
  workId: z.string().min(1),
  /** The language being edited (the work's source language when correcting the original). */
  lang: languageTagSchema,
  /** The first chunk wanted. */
  chunk: z.coerce.number().int().min(0).max(999_999),
  /** How many consecutive chunks, from `chunk`. */
  count: z.coerce.number().int().min(1).max(MAX_EDITOR_CHUNKS_PER_REQUEST).default(1),
});

export type EditorRowsQuery = z.infer<typeof editorRowsQuerySchema>;
