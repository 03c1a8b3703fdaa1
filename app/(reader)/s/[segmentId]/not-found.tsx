import type { Metadata } from 'next';

import { NotFoundPanel } from '@/components/feedback/not-found-panel';

export const metadata: Metadata = { title: 'Passage not found' };

/** A permalink to a segment that does not exist (any more). */
export default function SegmentNotFound() {
  return (
    <NotFoundPanel title="This passage cannot be found">
      <p>The link may be incomplete, or the passage may have been merged with another or removed.</p>
    </NotFoundPanel>
  );
}
