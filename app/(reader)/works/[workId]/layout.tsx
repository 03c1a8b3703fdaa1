import type { ReactNode } from 'react';

import { loadWorkOverview } from '@/app/_lib/load-work-overview';

type Props = { children: ReactNode; params: Promise<{ workId: string }> };

/**
 * Checks that the work exists before anything streams, so an unknown work answers 404 (the
 * loading state below would otherwise commit a 200 first). The overview is cached for the
 * request, so the pages reuse this read.
 */
export default async function WorkLayout({ children, params }: Props) {
  await loadWorkOverview((await params).workId);
  return children;
}
