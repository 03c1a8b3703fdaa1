'use client';

import { ErrorPanel } from '@/components/feedback/error-panel';

/** Error boundary of the segment editor. */
export default function EditError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} title="The editor could not be shown" />;
}
