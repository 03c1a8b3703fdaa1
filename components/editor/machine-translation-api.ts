import type { MachineTranslation } from '@/lib/machine-translation/types';

import { postJson, type ApiResult } from '../http/api-request';

/** The machine translation of a segment's published source into `language`, from `POST /api/works/:id/machine-translation`. */
export function requestMachineTranslation({ workId, segmentId, language, signal }: { workId: string; segmentId: string; language: string; signal?: AbortSignal }): Promise<ApiResult<MachineTranslation>> {
  return postJson<MachineTranslation>(`/api/works/${encodeURIComponent(workId)}/machine-translation`, { segment: segmentId, lang: language }, {
    signal,
    fallbacks: {
      401: 'Your session has ended. Sign in again to ask for a machine translation.',
      403: 'You may not edit this collection’s texts.',
      404: 'Machine translation is not available here.',
    },
  });
}
