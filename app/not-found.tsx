import type { Metadata } from 'next';

import { NotFoundPanel } from '@/components/feedback/not-found-panel';

export const metadata: Metadata = { title: 'Not found' };

/** Unknown addresses and resources. */
export default function NotFound() {
  return (
    <NotFoundPanel title="There is nothing at this address">
      <p>The link may be mistyped, or the page may have moved.</p>
    </NotFoundPanel>
  );
}
