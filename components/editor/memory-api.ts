import type { MemoryMatches } from '@/lib/memory/types';

import { getJson, type ApiResult } from '../http/api-request';

/** Translation-memory matches of one segment translated into `language`, from `GET /api/works/:id/memory`. */
export function fetchMemoryMatches({ workId, segmentId, language, signal }: { workId: string; segmentId: string; language: string; signal: AbortSignal }): Promise<ApiResult<MemoryMatches>> {
  return getJson<MemoryMatches>(`/api/works/${encodeURIComponent(workId)}/memory`, { query: { segment: segmentId, lang: language }, signal });
}
