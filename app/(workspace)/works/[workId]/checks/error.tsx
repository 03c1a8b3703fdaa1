'use client';

import { ErrorPanel } from '@/components/feedback/error-panel';

/** Error boundary of a work's list of findings. */
export default function ChecksError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} title="The findings could not be listed" />;
}
