'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useState } from 'react';

import type { DiscussionThread } from '@/lib/discussion/types';

import { CommentComposer } from './comment-composer';
import { fetchThreads, postComment } from './discussion-api';
import { DiscussionThreadView } from './discussion-thread';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Select } from '../ui/select';

export interface SegmentDiscussionProps {
  segmentId: string;
  /** Show only threads about this language (and about the whole segment); new threads are about it. */
  language?: string;
  /** May start threads and reply (`comment.create` in the segment's collection). */
  canComment: boolean;
  /** May resolve any thread and delete any comment (`comment.moderate`); the server decides per comment too. */
  canModerate: boolean;
  /** The signed-in user, to mark their own comments and mentions; null for anonymous readers. */
  viewerId: string | null;
  /** Threads rendered on the server, so the discussion shows before any request. */
  initialThreads?: DiscussionThread[];
  /** Languages a new thread may be about when `language` is not given (tag → name). */
  languages?: { tag: string; name: string }[];
  /** Where "sign in to take part" leads back to. */
  signInHref?: string;
}

/**
 * The discussion of one segment: its threads (unresolved first; resolved ones folded), replies,
 * editing and deleting one's comments, resolving and reopening, and a box to start a thread with
 * mention autocomplete. Everyone who may read the work sees it; signed-in volunteers take part.
 */
export function SegmentDiscussion({ segmentId, language, canComment, canModerate, viewerId, initialThreads, languages = [], signInHref }: SegmentDiscussionProps) {
  const t = useTranslations('discussion.segment');
  const tPage = useTranslations('discussionPage');
  const headingId = useId();
  // Threads are kept with the segment and language they belong to, so a component reused for
  // another segment (the editor moving on) never shows the previous segment's threads.
  const key = `${segmentId}:${language ?? ''}`;
  const [loaded, setLoaded] = useState<{ key: string; threads: DiscussionThread[] } | null>(initialThreads ? { key, threads: initialThreads } : null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const threads = loaded?.key === key ? loaded.threads : null;
  const [about, setAbout] = useState<string>(language ?? '');
  const [announcement, setAnnouncement] = useState('');

  const reload = useCallback(async () => {
    const result = await fetchThreads(segmentId, language);
    if (result.ok) {
      setLoaded({ key, threads: result.data });
      setLoadError(null);
    } else {
      setLoadError(result.error.message);
    }
  }, [segmentId, language, key]);

  const hasThreads = threads !== null;
  useEffect(() => {
    if (hasThreads) return;
    let isCurrent = true;
    fetchThreads(segmentId, language).then(
      (result) => {
        if (!isCurrent) return;
        if (result.ok) {
          setLoaded({ key, threads: result.data });
          setLoadError(null);
        } else {
          setLoadError(result.error.message);
        }
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [segmentId, language, key, hasThreads]);

  const changed = useCallback(
    async (message: string) => {
      await reload();
      setAnnouncement(message);
    },
    [reload],
  );

  const startThread = async (body: string) => {
    const result = await postComment({ segmentId, body, language: language ?? (about || null) });
    if (!result.ok) return result.error.message;
    await changed(t('posted'));
    return null;
  };

  const open = threads?.filter((thread) => !thread.isResolved) ?? [];
  const resolved = threads?.filter((thread) => thread.isResolved) ?? [];
  return (
    <section aria-labelledby={headingId} className="space-y-4" data-discussion={segmentId}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="font-serif text-xl font-semibold">
          {tPage('title')}
        </h2>
        {threads && (
          <p className="text-sm text-muted">{t('counts', { open: open.length, resolved: resolved.length })}</p>
        )}
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {loadError && <Alert tone="error">{loadError}</Alert>}
      {threads === null && !loadError && <p className="text-sm text-muted">{t('loading')}</p>}
      {threads !== null && threads.length === 0 && <p className="text-sm text-muted">{t('none')}</p>}

      {open.length > 0 && (
        <ol className="space-y-3" aria-label={t('openThreads')}>
          {open.map((thread) => (
            <li key={thread.id}>
              <DiscussionThreadView thread={thread} segmentId={segmentId} viewerId={viewerId} languages={languages} onChanged={changed} />
            </li>
          ))}
        </ol>
      )}
      {resolved.length > 0 && (
        <details className="group rounded-lg border border-line bg-stone-50/60">
          <summary className="cursor-pointer rounded-lg px-4 py-2 text-sm font-medium text-ink-soft hover:text-ink">
            {t('resolvedCount', { count: resolved.length })}
          </summary>
          <ol className="space-y-3 px-3 pb-3" aria-label={t('resolvedThreads')}>
            {resolved.map((thread) => (
              <li key={thread.id}>
                <DiscussionThreadView thread={thread} segmentId={segmentId} viewerId={viewerId} languages={languages} onChanged={changed} />
              </li>
            ))}
          </ol>
        </details>
      )}

      {canComment ? (
        <div className="rounded-lg border border-line bg-surface p-4 shadow-xs">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h3 className="text-sm font-semibold">{t('start')}</h3>
            {!language && languages.length > 0 && (
              <label className="flex items-center gap-2 text-sm text-muted">
                {t('about')}
                <Select value={about} onChange={(event) => setAbout(event.target.value)} className="h-8 w-auto py-0">
                  <option value="">{t('wholePassage')}</option>
                  {languages.map((entry) => (
                    <option key={entry.tag} value={entry.tag}>
                      {t('languageText', { language: entry.name })}
                    </option>
                  ))}
                </Select>
              </label>
            )}
          </div>
          <CommentComposer segmentId={segmentId} label={t('newComment')} submitLabel={t('comment')} placeholder={t('placeholder')} onSubmit={startThread} />
          {canModerate && <p className="mt-2 text-xs text-muted">{t('moderator')}</p>}
        </div>
      ) : viewerId === null ? (
        <p className="text-sm text-muted">
          {t.rich('signIn', {
            link: (chunks) => (
              <a href={signInHref ?? '/sign-in'} className="font-medium text-accent-700 hover:underline">
                {chunks}
              </a>
            ),
          })}
        </p>
      ) : null}
      {loadError && (
        <Button variant="secondary" size="sm" onClick={() => void reload()}>
          {t('tryAgain')}
        </Button>
      )}
    </section>
  );
}
