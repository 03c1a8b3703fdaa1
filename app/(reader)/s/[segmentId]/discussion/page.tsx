import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';

import { orNotFound } from '@/app/_lib/or-not-found';
import { SegmentDiscussion } from '@/components/discussion/segment-discussion';
import { languageNames } from '@/components/format/language-name';
import { readerHref } from '@/components/reader/reader-href';
import { buttonClassName } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { WorkBreadcrumb } from '@/components/work/work-breadcrumb';
import { getActor } from '@/lib/auth/session';
import { getDiscussionSegment } from '@/lib/discussion/get-discussion-segment';

type Props = { params: Promise<{ segmentId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('discussionPage'))('title') };
}

/**
 * A segment's discussion, reached from its permalink (`/s/:id/discussion`): the segment in every
 * language of the work and its threads. Everyone who may read the work reads it; signed-in
 * volunteers take part.
 */
export default async function SegmentDiscussionPage({ params, searchParams }: Props) {
  const [{ segmentId }, query] = await Promise.all([params, searchParams]);
  const segment = await orNotFound(getActor().then((actor) => getDiscussionSegment({ actor, segmentId })));
  const focus = typeof query.lang === 'string' ? query.lang : null;
  const [t, locale] = await Promise.all([getTranslations('discussionPage'), getLocale()]);
  const names = languageNames(segment.texts.map((text) => text.language), locale);
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <WorkBreadcrumb work={{ id: segment.work.id, title: segment.work.title, collectionTitle: segment.work.collectionTitle }} />
      <div className="mt-3 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-2xl font-semibold tracking-tight">{t('heading', { kind: segment.kind })}</h1>
        <a href={readerHref({ workId: segment.work.id, lang: focus, at: segment.segmentId })} className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
          {t('readInContext')}
        </a>
      </div>
      <dl className="mt-5 divide-y divide-line rounded-lg border border-line bg-surface shadow-xs">
        {segment.texts.map((text) => (
          <div key={text.language} className={cn('grid gap-1 px-4 py-3 sm:grid-cols-[8rem_1fr] sm:gap-4', text.language === focus && 'bg-mark/50')}>
            <dt className="text-sm font-medium text-muted">
              {names[text.language] ?? text.language}
              {text.isSource && <span className="block text-xs font-normal">{t('original')}</span>}
            </dt>
            <dd lang={text.language} className={cn('reading', !text.text && 'font-sans text-sm text-muted italic')}>
              {text.text || t('notTranslated')}
            </dd>
          </div>
        ))}
      </dl>
      <div className="mt-8">
        <SegmentDiscussion
          segmentId={segment.segmentId}
          canComment={segment.abilities.canComment}
          canModerate={segment.abilities.canModerate}
          viewerId={segment.viewerId}
          initialThreads={segment.threads}
          languages={segment.texts.map((text) => ({ tag: text.language, name: names[text.language] ?? text.language }))}
          signInHref={`/sign-in?callbackUrl=${encodeURIComponent(`/s/${segment.segmentId}/discussion`)}`}
        />
      </div>
    </div>
  );
}
