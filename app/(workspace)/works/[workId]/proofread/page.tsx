import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { loadWorkOverview } from '@/app/_lib/load-work-overview';
import { orNotFound } from '@/app/_lib/or-not-found';
import { languageNames } from '@/components/format/language-name';
import { SuspectList } from '@/components/proofread/suspect-list';
import { buttonClassName } from '@/components/ui/button';
import { WorkBreadcrumb } from '@/components/work/work-breadcrumb';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { getWorkSuspects } from '@/lib/proofread/get-work-suspects';

type Props = { params: Promise<{ workId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 50;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Suspected OCR errors — ${(await loadWorkOverview((await params).workId)).title}` };
}

/** The suspected OCR errors of a work's original (`?from=50` for the next page): for those who may correct it. */
export default async function ProofreadPage({ params, searchParams }: Props) {
  const [{ workId }, query] = await Promise.all([params, searchParams]);
  const from = Math.max(0, Number.parseInt(typeof query.from === 'string' ? query.from : '0', 10) || 0);
  const work = await loadWorkOverview(workId);
  const actor = await getActor();
  if (actor.kind === 'anonymous') redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/works/${work.id}/proofread`)}`);
  if (!can(actor, 'segment.edit', { collectionId: work.collection.id })) redirect(`/works/${work.id}`);
  const list = await orNotFound(getWorkSuspects({ actor, workId: work.id, offset: from, limit: PAGE_SIZE }));
  const languageName = languageNames([list.language])[list.language] ?? list.language;
  const pageHref = (offset: number) => `/works/${work.id}/proofread${offset > 0 ? `?from=${offset}` : ''}`;
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <WorkBreadcrumb work={{ id: work.id, title: work.title, collectionTitle: work.collection.title }} />
      <h1 className="mt-1 font-serif text-2xl font-semibold tracking-tight">Suspected OCR errors</h1>
      <p className="mt-2 text-muted">
        Words of the {languageName} original that look misread: capitals or digits inside a word, letters of two alphabets
        {list.hasDictionary ? ', or words neither the dictionary nor the rest of the text knows' : ''}. Check each in the editor; where one correction is
        clear, suggest it for every place at once. Suggestions are reviewed before anything changes.
      </p>
      <p className="mt-2 text-sm text-muted">
        {list.total === 1 ? '1 word' : `${list.total} words`}, {list.withCorrection} with a correction to suggest. Most frequent first.
      </p>
      <div className="mt-6">
        <SuspectList workId={work.id} list={list} />
      </div>
      <nav className="mt-6 flex gap-2" aria-label="Pages of the list">
        {from > 0 && (
          <Link className={buttonClassName({ variant: 'secondary', size: 'sm' })} href={pageHref(Math.max(0, from - PAGE_SIZE))}>
            Previous
          </Link>
        )}
        {from + PAGE_SIZE < list.total && (
          <Link className={buttonClassName({ variant: 'secondary', size: 'sm' })} href={pageHref(from + PAGE_SIZE)}>
            Next
          </Link>
        )}
      </nav>
    </div>
  );
}
