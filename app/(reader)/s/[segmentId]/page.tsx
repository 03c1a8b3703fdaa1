import { redirect } from 'next/navigation';

import { orNotFound } from '@/app/_lib/or-not-found';
import { readerHref } from '@/components/reader/reader-href';
import { isReadingMode } from '@/components/reader/reading-mode';
import { RetiredPassagePanel } from '@/components/reader/retired-passage-panel';
import { getActor } from '@/lib/auth/session';
import { locateSegment } from '@/lib/reader/locate-segment';


type Props = { params: Promise<{ segmentId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const single = (value: string | string[] | undefined) => (typeof value === 'string' && value ? value : null);

/**
 * A segment's permalink: finds its work and opens the reader there, keeping mode and languages. A
 * passage a later re-import retired is not in the reader: the page says so and links to where it stood.
 */
export default async function SegmentPermalinkPage({ params, searchParams }: Props) {
  const { segmentId } = await params;
  const query = await searchParams;
  const located = await orNotFound(getActor().then((actor) => locateSegment({ actor, segmentId })));
  const mode = isReadingMode(query.mode) ? query.mode : undefined;
  const href = readerHref({ workId: located.workId, mode, lang: single(query.lang), target: single(query.target), at: located.segmentId });
  if (located.isRetired) return <RetiredPassagePanel readerUrl={href} />;
  redirect(href);
}
