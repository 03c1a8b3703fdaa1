import type { SegmentGlossaryHits } from '@/lib/glossary/types';

import { getJson, type ApiResult } from '../http/api-request';

/** The glossary terms in the originals of `count` editor chunks from `chunk`, translated into `language`, by segment, from `GET /api/works/:id/glossary`. */
export async function fetchGlossaryHits({ workId, language, chunk, count }: { workId: string; language: string; chunk: number; count: number }): Promise<ApiResult<Record<string, SegmentGlossaryHits>>> {
  const result = await getJson<{ segments: Record<string, SegmentGlossaryHits> }>(`/api/works/${encodeURIComponent(workId)}/glossary`, { query: { lang: language, chunk, count } });
  return result.ok ? { ok: true, data: result.data.segments } : result;
}
