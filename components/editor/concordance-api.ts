import type { ConcordanceResults } from '@/lib/memory/types';

import { getJson, type ApiResult } from '../http/api-request';

export interface ConcordanceRequest {
  q: string;
  source: string;
  target: string;
  side: 'source' | 'target';
}

/** A page of concordance pairs (`GET /api/concordance`). */
export function fetchConcordance({ signal, ...query }: ConcordanceRequest & { signal: AbortSignal }): Promise<ApiResult<ConcordanceResults>> {
  return getJson<ConcordanceResults>('/api/concordance', { query: { ...query }, signal });
}

/** The concordance page for the same search. */
export function concordancePageHref({ q, source, target, side }: ConcordanceRequest): string {
  return `/concordance?${new URLSearchParams({ q, source, target, side }).toString()}`;
}
