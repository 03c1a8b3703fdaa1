import type { CheckWindow } from '@/lib/checks/find-check-window';
import type { DismissFindingInput, FindingRef } from '@/lib/checks/schemas';
import type { CheckSettings, Dismissal } from '@/lib/checks/types';

import { apiRequest, getJson, postJson, type ApiResult } from '../http/api-request';

/** The check contexts of `count` editor chunks from `chunk`, from `GET /api/works/:id/checks`. */
export function fetchCheckWindow({ workId, language, chunk, count, signal }: { workId: string; language: string; chunk: number; count: number; signal?: AbortSignal }): Promise<ApiResult<CheckWindow>> {
  return getJson<CheckWindow>(`/api/works/${encodeURIComponent(workId)}/checks`, { query: { lang: language, chunk, count }, signal });
}

/** Dismisses a finding with a reason (editors). */
export async function dismissFinding(input: DismissFindingInput): Promise<ApiResult<Dismissal>> {
  const { segmentId, ...body } = input;
  const result = await postJson<{ dismissal: Dismissal }>(`/api/segments/${encodeURIComponent(segmentId)}/check-dismissals`, body);
  return result.ok ? { ok: true, data: result.data.dismissal } : result;
}

/** Restores a dismissed finding (editors). */
export function restoreFinding({ segmentId, language, check, key }: FindingRef): Promise<ApiResult<{ ok: true }>> {
  return apiRequest<{ ok: true }>(`/api/segments/${encodeURIComponent(segmentId)}/check-dismissals`, { method: 'DELETE', query: { language, check, key } });
}

/** Saves a collection's check settings; answers them as they are now. */
export async function saveCheckSettings({ collectionId, settings }: { collectionId: string; settings: { check: string; isEnabled: boolean; isBlocking: boolean }[] }): Promise<ApiResult<CheckSettings>> {
  const result = await apiRequest<{ settings: CheckSettings }>(`/api/collections/${encodeURIComponent(collectionId)}/checks`, { method: 'PUT', json: { settings } });
  return result.ok ? { ok: true, data: result.data.settings } : result;
}
