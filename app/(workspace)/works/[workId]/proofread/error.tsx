'use client';

import { ErrorPanel } from '@/components/feedback/error-panel';

/** Error boundary of the list of suspected OCR errors. */
export default function ProofreadError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} title="The suspected errors could not be listed" />;
}
