import type { useTranslations } from 'next-intl';

import type { MachineTranslation } from '@/lib/machine-translation/types';

import { postJson, type ApiResult } from '../http/api-request';

/** The machine translation's messages (`useTranslations('editor.machineTranslation')`). */
export type MachineTranslationTranslator = ReturnType<typeof useTranslations<'editor.machineTranslation'>>;

/**
 * The machine translation of a segment's published source into `language`, from `POST
 * /api/works/:id/machine-translation`; `t` words the failures the server's answer does not.
 */
export function requestMachineTranslation({ workId, segmentId, language, signal, t }: { workId: string; segmentId: string; language: string; signal?: AbortSignal; t: MachineTranslationTranslator }): Promise<ApiResult<MachineTranslation>> {
  return postJson<MachineTranslation>(`/api/works/${encodeURIComponent(workId)}/machine-translation`, { segment: segmentId, lang: language }, {
    signal,
    fallbacks: {
      401: t('sessionEnded'),
      403: t('forbidden'),
      404: t('notAvailable'),
    },
  });
}
