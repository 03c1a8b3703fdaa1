'use client';

import { useTranslations } from 'next-intl';

import { formatFinding } from '@/lib/checks/format-finding';
import type { Finding } from '@/lib/checks/types';

/**
 * What a finding says, in the interface's language (`checks.messages` of the catalogues): the one
 * way components show a finding's message, whether the checks ran in the browser or on the server.
 */
export function FindingMessage({ finding }: { finding: Pick<Finding, 'message'> }) {
  const t = useTranslations('checks');
  return <>{formatFinding(t, finding)}</>;
}
