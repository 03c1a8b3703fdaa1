import { PageLoading } from '@/components/feedback/page-loading';

/** Shown while the translation is checked. */
export default function Loading() {
  return <PageLoading label="Checking the translation…" />;
}
