import { redirect } from 'next/navigation';

import { orNotFound } from '@/app/_lib/or-not-found';
import { readerHref } from '@/components/reader/reader-href';
import { isReadingMode } from '@/components/reader/reading-mode';
import { getActor } from '@/lib/auth/session';
import { locateSegment } from '@/lib/reader/locate-segment';


type Props = { params: Promise<{ segmentId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const single = (value: string | string[] | undefined) => (typeof value === 'string' && value ? value : null);

/** A segment's permalink: finds its work and opens the reader there, keeping mode and languages. */
export default async function SegmentPermalinkPage({ params, searchParams }: Props) {
  const { segmentId } = await params;
  const query = await searchParams;
  const located = await orNotFound(getActor().then((actor) => locateSegment({ actor, segmentId })));
  const mode = isReadingMode(query.mode) ? query.mode : undefined;
  redirect(readerHref({ workId: located.workId, mode, lang: single(query.lang), target: single(query.target), at: located.segmentId }));
}
