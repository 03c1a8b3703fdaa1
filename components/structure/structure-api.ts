import type { StructuralOperation, StructurePreview } from '@/lib/structure/structural-operation';

import { postJson, type ApiResult } from '../http/api-request';

/** Answers without the server's error body are worded by `requestErrors.structure`. */
const fallbacks = 'structure' as const;

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
