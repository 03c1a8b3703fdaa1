import { z } from 'zod';

import { findCheckWindow } from '@/lib/checks/find-check-window';
import { editorChunkRangeSchema } from '@/lib/editor/schemas';
import { defineRoute } from '@/lib/http/route';
import { languageTagSchema } from '@/lib/library/language-tag';

/**
 * What the editor's quality checks need for the segments of a few chunks (`?lang=ru&chunk=3&count=2`,
 * as the editor's rows are asked for): the collection's settings, the work's length norm, and per
 * segment its footnote references, the other translations of its sentence, glossary terms, names
 * and dismissed findings. The checks run in the browser.
 */
export const GET = defineRoute({
  permission: 'segment.edit',
  input: editorChunkRangeSchema.extend({ workId: z.string().uuid(), lang: languageTagSchema }),
  handler: async ({ actor, input }) => Response.json(await findCheckWindow({ actor, workId: input.workId, language: input.lang, fromChunk: input.chunk, chunkCount: input.count }), { headers: { 'cache-control': 'no-store' } }),
});
