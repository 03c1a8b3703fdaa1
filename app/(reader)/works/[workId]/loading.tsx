import { PageLoading } from '@/components/feedback/page-loading';

/** Shown while a work page or its reader loads. */
export default function Loading() {
  return <PageLoading label="Loading the work…" />;
}
