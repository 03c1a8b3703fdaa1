import { PageLoading } from '@/components/feedback/page-loading';

/** Shown while the segment editor loads its first rows. */
export default function Loading() {
  return <PageLoading label="Loading the editor…" />;
}
