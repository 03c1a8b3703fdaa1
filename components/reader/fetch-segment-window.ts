import { isAppErrorBody } from '@/lib/errors/app-error';
import type { SegmentWindow } from '@/lib/reader/types';

import type { WindowDirection } from './merge-window';

export interface FetchSegmentWindowOptions {
  workId: string;
  languages: readonly string[];
  direction: WindowDirection;
  /** Order key of the first (before) or last (after) rendered segment. */
  orderKey: string;
  signal?: AbortSignal;
}

/** Loads the window before or after an order key from the segments API; throws with the server's message. */
export async function fetchSegmentWindow({ workId, languages, direction, orderKey, signal }: FetchSegmentWindowOptions): Promise<SegmentWindow> {
  const query = new URLSearchParams({ [direction]: orderKey, langs: languages.join(',') });
  const response = await fetch(`/api/works/${encodeURIComponent(workId)}/segments?${query.toString()}`, { signal, headers: { accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(isAppErrorBody(body) ? body.error.message : `The server answered ${response.status}.`);
  }
  return body as SegmentWindow;
}
