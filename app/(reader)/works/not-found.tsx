import type { Metadata } from 'next';

import { NotFoundPanel } from '@/components/feedback/not-found-panel';

export const metadata: Metadata = { title: 'Work not found' };

/** Unknown work ids (checked by the work layout before anything streams). */
export default function WorkNotFound() {
  return (
    <NotFoundPanel title="This work is not in the library">
      <p>It may have been removed, or the link may be incomplete.</p>
    </NotFoundPanel>
  );
}
