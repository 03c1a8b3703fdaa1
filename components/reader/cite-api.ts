import type { WorkCitation } from '@/lib/reader/cite-work';

import { getJson } from '../http/api-request';

/** The citation of a work, or of one passage with its printed pages, in one language. */
export function fetchCitation({ workId, segmentId, language, signal }: { workId: string; segmentId?: string; language?: string; signal?: AbortSignal }) {
  return getJson<WorkCitation>(`/api/works/${encodeURIComponent(workId)}/citation`, { query: { segment: segmentId, lang: language }, signal });
}
