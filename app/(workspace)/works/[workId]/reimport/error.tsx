'use client';

import { ErrorPanel } from '@/components/feedback/error-panel';

/** Error boundary of the re-import page. */
export default function ReimportError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} title="The cleanup could not be re-run" />;
}
