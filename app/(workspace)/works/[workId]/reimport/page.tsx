import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { loadWorkOverview } from '@/app/_lib/load-work-overview';
import { orNotFound } from '@/app/_lib/or-not-found';
import { Card } from '@/components/ui/card';
import { ReimportPanel } from '@/components/work/reimport-panel';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { getLastCleanupChoice } from '@/lib/import/get-cleanup-choice';

type Props = { params: Promise<{ workId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('reimport.page');
  return { title: t('metaTitle', { title: (await loadWorkOverview((await params).workId)).title }) };
}

/** Re-run the cleanup of a work's original upload with other rules, as new revisions: editors and admins of the collection. */
export default async function ReimportPage({ params }: Props) {
  const { workId } = await params;
  const work = await loadWorkOverview(workId);
  const actor = await getActor();
  const t = await getTranslations('reimport.page');
  if (actor.kind === 'anonymous') redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/works/${work.id}/reimport`)}`);
  if (!can(actor, 'work.import', { collectionId: work.collection.id })) {
    return (
      <div className="mx-auto max-w-xl px-4 py-16 sm:px-6">
        <Card className="p-8">
          <h1 className="font-serif text-2xl font-semibold">{t('notAllowedTitle')}</h1>
          <p className="mt-3 text-muted">{t('notAllowedText')}</p>
          <Link href={`/works/${work.id}`} className="mt-6 inline-block text-accent-700 underline">{t('toWork')}</Link>
        </Card>
      </div>
    );
  }
  const initialRules = await orNotFound(getLastCleanupChoice({ actor, workId: work.id }));
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <nav aria-label={t('breadcrumb')} className="text-sm text-muted">
        <Link href={`/works/${work.id}`} className="hover:text-ink hover:underline">{work.title}</Link>
      </nav>
      <h1 className="mt-2 font-serif text-3xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-2 max-w-prose text-muted">{t('intro')}</p>
      <ReimportPanel workId={work.id} initialRules={initialRules} />
    </div>
  );
}
