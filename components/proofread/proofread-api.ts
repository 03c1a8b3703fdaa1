import type { SkipCode, SuspectMark } from '@/lib/proofread/suspect-mark';

import { getJson, postJson, type ApiResult } from '../http/api-request';

/** What a click on a correction did, from `POST /api/works/:id/proofread/corrections`. */
export interface ProposedCorrectionResult {
  word: string;
  correction: string;
  suggested: string[];
  /** `reason` in English; `code` names the proofreader's own reasons, said in the interface's language. */
  skipped: { segmentId: string; reason: string; code?: SkipCode }[];
}

/** Proposes the checker's correction of `word` as suggestions (for every segment it stands in, or the one named). */
export function proposeCorrection({ workId, word, segmentId }: { workId: string; word: string; segmentId?: string }): Promise<ApiResult<ProposedCorrectionResult>> {
  return postJson<ProposedCorrectionResult>(`/api/works/${encodeURIComponent(workId)}/proofread/corrections`, segmentId ? { word, segmentId } : { word });
}

/** The suspect words of the segments of `count` editor chunks from `chunk`, by segment. */
export async function fetchSuspectMarks({ workId, chunk, count }: { workId: string; chunk: number; count: number }): Promise<ApiResult<Record<string, SuspectMark[]>>> {
  const result = await getJson<{ marks: Record<string, SuspectMark[]> }>(`/api/works/${encodeURIComponent(workId)}/proofread/marks`, { query: { chunk, count } });
  return result.ok ? { ok: true, data: result.data.marks } : result;
}
