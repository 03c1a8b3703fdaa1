import type { EditorChunk } from '@/lib/editor/types';

import { getJson, type ApiResult } from '../http/api-request';

/** Rows of `count` chunks from `chunk`, from `GET /api/works/:id/editor-rows`. */
export async function fetchEditorRows({ workId, language, chunk, count }: { workId: string; language: string; chunk: number; count: number }): Promise<ApiResult<EditorChunk[]>> {
  const result = await getJson<{ chunks: EditorChunk[] }>(`/api/works/${encodeURIComponent(workId)}/editor-rows`, { query: { lang: language, chunk, count } });
  return result.ok ? { ok: true, data: result.data.chunks } : result;
}
