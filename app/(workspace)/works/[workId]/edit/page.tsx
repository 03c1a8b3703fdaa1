import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';

import { loadWorkOverview } from '@/app/_lib/load-work-overview';
import { orNotFound } from '@/app/_lib/or-not-found';
import { EditorPageHeader } from '@/components/editor/editor-page-header';
import { SegmentEditor } from '@/components/editor/segment-editor';
import { languageNames } from '@/components/format/language-name';
import { getActor } from '@/lib/auth/session';
import { getEditorPage } from '@/lib/editor/get-editor-page';

type Props = { params: Promise<{ workId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [t, work] = await Promise.all([getTranslations('editor.editPage'), params.then(({ workId }) => loadWorkOverview(workId))]);
  return { title: t('title', { title: work.title }) };
}

/**
 * The segment editor of one language (`?lang=fr`; the work's source language corrects the
 * original; `&segment=<id>` opens it at that segment): everyone who may read the work sees the drafts, those who may edit change them.
 */
export default async function EditPage({ params, searchParams }: Props) {
  const [{ workId }, query, locale] = await Promise.all([params, searchParams, getLocale()]);
  const page = await orNotFound(getEditorPage({ actor: await getActor(), workId, language: typeof query.lang === 'string' ? query.lang : null, segmentId: typeof query.segment === 'string' ? query.segment : null }));
  const names = languageNames(page.languages, locale);
  const nameOf = (tag: string) => names[tag] ?? tag;
  return (
    // On a phone (under 640 px) the page scrolls as one document; wider, the rows scroll inside the window's height.
    <div data-editor-page="" className="mx-auto flex max-w-7xl flex-col px-3 pt-3 sm:h-[calc(100dvh-3.0625rem)] sm:min-h-[30rem] sm:px-6 sm:pt-4">
      <EditorPageHeader
        work={{ id: page.work.id, title: page.work.title, collectionId: page.work.collectionId, collectionTitle: page.work.collectionTitle, sourceLanguage: page.work.sourceLanguage }}
        language={page.language}
        isSourceLanguage={page.isSourceLanguage}
        canProofread={page.abilities.canEdit}
        languages={page.languages.map((language) => ({ language, name: nameOf(language), isSource: language === page.work.sourceLanguage }))}
      />
      <SegmentEditor key={page.language} page={page} sourceName={nameOf(page.work.sourceLanguage)} languageName={nameOf(page.language)} languageNames={names} />
    </div>
  );
}
