import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';

import { loadWorkOverview } from '@/app/_lib/load-work-overview';
import { orNotFound } from '@/app/_lib/or-not-found';
import { languageName } from '@/components/format/language-name';
import { SuspectList } from '@/components/proofread/suspect-list';
import { buttonClassName } from '@/components/ui/button';
import { WorkBreadcrumb } from '@/components/work/work-breadcrumb';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { getWorkSuspects } from '@/lib/proofread/get-work-suspects';

type Props = { params: Promise<{ workId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 50;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [t, work] = await Promise.all([getTranslations('proofread'), loadWorkOverview((await params).workId)]);
  return { title: t('metaTitle', { title: work.title }) };
}

/** The suspected OCR errors of a work's original (`?from=50` for the next page): for those who may correct it. */
export default async function ProofreadPage({ params, searchParams }: Props) {
  const [{ workId }, query, t, locale] = await Promise.all([params, searchParams, getTranslations('proofread'), getLocale()]);
  const from = Math.max(0, Number.parseInt(typeof query.from === 'string' ? query.from : '0', 10) || 0);
  const work = await loadWorkOverview(workId);
  const actor = await getActor();
  if (actor.kind === 'anonymous') redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/works/${work.id}/proofread`)}`);
  if (!can(actor, 'segment.edit', { collectionId: work.collection.id })) redirect(`/works/${work.id}`);
  const list = await orNotFound(getWorkSuspects({ actor, workId: work.id, offset: from, limit: PAGE_SIZE }));
  const pageHref = (offset: number) => `/works/${work.id}/proofread${offset > 0 ? `?from=${offset}` : ''}`;
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <WorkBreadcrumb work={{ id: work.id, title: work.title, collectionTitle: work.collection.title }} />
      <h1 className="mt-1 font-serif text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('intro', { language: languageName(list.language, locale), hasDictionary: list.hasDictionary ? 'yes' : 'no' })}</p>
      <p className="mt-2 text-sm text-muted">{t('summary', { count: list.total, withCorrection: list.withCorrection })}</p>
      <div className="mt-6">
        <SuspectList workId={work.id} list={list} />
      </div>
      <nav className="mt-6 flex gap-2" aria-label={t('pages')}>
        {from > 0 && (
          <Link className={buttonClassName({ variant: 'secondary', size: 'sm' })} href={pageHref(Math.max(0, from - PAGE_SIZE))}>
            {t('previous')}
          </Link>
        )}
        {from + PAGE_SIZE < list.total && (
          <Link className={buttonClassName({ variant: 'secondary', size: 'sm' })} href={pageHref(from + PAGE_SIZE)}>
            {t('next')}
          </Link>
        )}
      </nav>
    </div>
  );
}
