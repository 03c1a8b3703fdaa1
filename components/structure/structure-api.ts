import type { StructuralOperation, StructurePreview } from '@/lib/structure/structural-operation';

import { postJson, type ApiResult } from '../http/api-request';

const fallbacks = {
  401: 'Your session has ended. Sign in again to propose changes.',
  403: 'You may not propose changes to this work.',
  404: 'This passage is no longer in the work, or the work is not visible to you.',
  409: 'The text changed meanwhile, or the same change already waits for review. Reload the page and try again.',
};

export interface StructuralEditInput {
  workId: string;
  operation: StructuralOperation;
  note?: string;
}

const path = (workId: string) => `/api/works/${encodeURIComponent(workId)}/structure-suggestions`;

/** What the change would do, checked by the server but not stored (`POST …/structure-suggestions/preview`). */
export function previewStructuralEdit({ workId, operation, note = '' }: StructuralEditInput): Promise<ApiResult<{ preview: StructurePreview }>> {
  return postJson(`${path(workId)}/preview`, { operation, note }, { fallbacks });
}

/** Proposes the change for review (`POST …/structure-suggestions`). */
export function proposeStructuralEdit({ workId, operation, note = '' }: StructuralEditInput): Promise<ApiResult<{ suggestionId: string; preview: StructurePreview }>> {
  return postJson(path(workId), { operation, note }, { fallbacks });
}
