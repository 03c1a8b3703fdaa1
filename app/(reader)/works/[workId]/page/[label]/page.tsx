import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';

import { loadWorkOverview } from '@/app/_lib/load-work-overview';
import { MissingPagePanel } from '@/components/reader/missing-page-panel';
import { readerHref } from '@/components/reader/reader-href';
import { isReadingMode } from '@/components/reader/reading-mode';
import { getActor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { localizedMessage } from '@/lib/errors/localize-error';
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
  // An unknown work is not found (the layout's cached read); a work without that page says which pages it has.
  await loadWorkOverview(workId);
  const located = await locatePage({ actor: await getActor(), workId, label }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return error;
    throw error;
  });
  if (located instanceof AppError) return <MissingPagePanel message={localizedMessage(located, await getLocale())} workUrl={`/works/${workId}`} />;
  const mode = isReadingMode(query.mode) ? query.mode : 'pages';
  redirect(readerHref({ workId: located.workId, mode, lang: single(query.lang), target: single(query.target), at: located.segmentId }));
}
