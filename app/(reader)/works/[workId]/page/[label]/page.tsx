import { redirect } from 'next/navigation';

import { orNotFound } from '@/app/_lib/or-not-found';
import { MissingPagePanel } from '@/components/reader/missing-page-panel';
import { readerHref } from '@/components/reader/reader-href';
import { isReadingMode } from '@/components/reader/reading-mode';
import { getActor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { getWorkOverview } from '@/lib/reader/get-work-overview';
import { locatePage } from '@/lib/reader/locate-page';

type Props = { params: Promise<{ workId: string; label: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const single = (value: string | string[] | undefined) => (typeof value === 'string' && value ? value : null);

/**
 * A printed page's address (`/works/:id/page/14`): opens the reader where the page begins, in the
 * printed-pages mode unless another mode is asked for, keeping the languages; for a page the work
 * does not have, says which pages it has.
 */
export default async function PagePermalinkPage({ params, searchParams }: Props) {
  const { workId, label } = await params;
  const query = await searchParams;
  const actor = await getActor();
  const located = await locatePage({ actor, workId, label }).catch(async (error: unknown) => {
    // A work without that page says which pages it has; a work that does not exist is not found.
    if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
    await orNotFound(getWorkOverview({ actor, workId }));
    return error;
  });
  if (located instanceof AppError) return <MissingPagePanel message={located.message} workUrl={`/works/${workId}`} />;
  const mode = isReadingMode(query.mode) ? query.mode : 'pages';
  redirect(readerHref({ workId: located.workId, mode, lang: single(query.lang), target: single(query.target), at: located.segmentId }));
}
