'use client';

import { ErrorPanel } from '@/components/feedback/error-panel';

/** Error boundary of the alignment editor. */
export default function AlignError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} title="The alignment could not be shown" />;
}
