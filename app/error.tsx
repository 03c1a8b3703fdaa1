'use client';

import { ErrorPanel } from '@/components/feedback/error-panel';

/** Error boundary of every page below the root layout. */
export default function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} />;
}
