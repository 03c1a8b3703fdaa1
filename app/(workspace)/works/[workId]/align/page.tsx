import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';

import { loadWorkOverview } from '@/app/_lib/load-work-overview';
import { orNotFound } from '@/app/_lib/or-not-found';
import { AlignmentEditor } from '@/components/align/alignment-editor';
import { AlignmentNotice } from '@/components/align/alignment-notice';
import { AlignmentPageHeader } from '@/components/align/alignment-page-header';
import { languageNames } from '@/components/format/language-name';
import { getAlignmentRows } from '@/lib/align/get-alignment-rows';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';

type Props = { params: Promise<{ workId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [t, work] = await Promise.all([getTranslations('align'), params.then(({ workId }) => loadWorkOverview(workId))]);
  return { title: t('metaTitle', { title: work.title }) };
}

/** The alignment editor of one translation (`?lang=fr`, else the first): editors and admins of the collection. */
export default async function AlignPage({ params, searchParams }: Props) {
  const [{ workId }, query] = await Promise.all([params, searchParams]);
  const requested = typeof query.lang === 'string' ? query.lang : null;
  const work = await loadWorkOverview(workId);
  const actor = await getActor();
  if (actor.kind === 'anonymous') redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/works/${work.id}/align${requested ? `?lang=${requested}` : ''}`)}`);
  if (!can(actor, 'alignment.edit', { collectionId: work.collection.id })) return <AlignmentNotice workId={work.id} workTitle={work.title} reason="notAllowed" />;
  const translations = work.languages.filter((entry) => !entry.isSource).map((entry) => entry.language);
  const language = requested && translations.includes(requested) ? requested : translations[0];
  if (!language) return <AlignmentNotice workId={work.id} workTitle={work.title} reason="noTranslation" />;
  const initialWindow = await orNotFound(getAlignmentRows({ actor, workId: work.id, language }));
  const names = languageNames([work.sourceLanguage, ...translations], await getLocale());
  const nameOf = (tag: string) => names[tag] ?? tag;
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <AlignmentPageHeader
        work={{ id: work.id, title: work.title, collectionTitle: work.collection.title }}
        language={language}
        translations={translations.map((tag) => ({ language: tag, name: nameOf(tag) }))}
        sourceName={nameOf(work.sourceLanguage)}
      />
      <AlignmentEditor key={language} workId={work.id} language={language} sourceLanguage={initialWindow.sourceLanguage} sourceName={nameOf(work.sourceLanguage)} targetName={nameOf(language)} initialWindow={initialWindow} />
    </div>
  );
}
