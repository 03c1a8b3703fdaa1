'use client';

import { ErrorPanel } from '@/components/feedback/error-panel';

/** Error boundary of a work page and its reader. */
export default function WorkError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} title="This work could not be shown" />;
}
