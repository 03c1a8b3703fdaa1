import { PageLoading } from '@/components/feedback/page-loading';

/** Shown while the work's words are checked (the first time a few seconds). */
export default function Loading() {
  return <PageLoading label="Checking the words of this work…" />;
}
