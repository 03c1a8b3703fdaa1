import type { SegmentWindow } from '@/lib/reader/types';

import type { WindowDirection } from './merge-window';
import { getJson, type ApiResult } from '../http/api-request';

export interface FetchSegmentWindowOptions {
  workId: string;
  languages: readonly string[];
  direction: WindowDirection;
  /** Order key of the first (before) or last (after) rendered segment. */
  orderKey: string;
  signal?: AbortSignal;
}

/** Loads the window before or after an order key from the segments API. */
export function fetchSegmentWindow({ workId, languages, direction, orderKey, signal }: FetchSegmentWindowOptions): Promise<ApiResult<SegmentWindow>> {
  return getJson<SegmentWindow>(`/api/works/${encodeURIComponent(workId)}/segments`, { query: { [direction]: orderKey, langs: languages.join(',') }, signal });
}
