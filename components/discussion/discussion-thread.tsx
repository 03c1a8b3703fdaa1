'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

import type { DiscussionComment, DiscussionThread } from '@/lib/discussion/types';

import { CommentBody } from './comment-body';
import { CommentComposer } from './comment-composer';
import { deleteComment, patchComment, postComment, setThreadResolved } from './discussion-api';
import { LocalTime } from './local-time';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';

export interface DiscussionThreadViewProps {
  thread: DiscussionThread;
  segmentId: string;
  viewerId: string | null;
  languages: { tag: string; name: string }[];
  /** Called after a change was saved, with what to announce; reloads the discussion. */
  onChanged: (announcement: string) => Promise<void>;
}

/** One thread: its comments oldest first, a reply box, and resolve / reopen for those allowed. */
export function DiscussionThreadView({ thread, segmentId, viewerId, languages, onChanged }: DiscussionThreadViewProps) {
  const t = useTranslations('discussion.thread');
  const [isReplying, setIsReplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const languageName = thread.language ? (languages.find((entry) => entry.tag === thread.language)?.name ?? thread.language) : null;
  const first = thread.comments[0];

  const toggleResolved = async () => {
    setIsBusy(true);
    const result = await setThreadResolved(thread.id, !thread.isResolved);
    setIsBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    await onChanged(t(thread.isResolved ? 'reopened' : 'resolved'));
  };

  const reply = async (body: string) => {
    const result = await postComment({ segmentId, body, replyToId: thread.id });
    if (!result.ok) return result.error.message;
    setIsReplying(false);
    await onChanged(t('replyPosted'));
    return null;
  };

  return (
    <article
      aria-label={t('label', { author: first?.author?.name ?? t('someone'), resolved: thread.isResolved ? 'yes' : 'no' })}
      data-thread={thread.id}
      className={cn('rounded-lg border bg-surface shadow-xs', thread.isResolved ? 'border-line opacity-90' : 'border-line-strong')}
    >
      {(languageName || thread.isResolved) && (
        <div className="flex flex-wrap items-center gap-2 border-b border-line px-4 py-2 text-xs text-muted">
          {languageName && <Badge tone="accent">{t('about', { language: languageName })}</Badge>}
          {thread.isResolved && (
            <Badge tone="success">
              {t('resolvedBadge', { hasName: thread.resolvedBy ? 'yes' : 'no', name: thread.resolvedBy?.name ?? '' })}
              {thread.resolvedAt && (
                <>
                  {' '}
                  · <LocalTime iso={thread.resolvedAt} />
                </>
              )}
            </Badge>
          )}
        </div>
      )}
      <ol className="divide-y divide-line">
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <CommentView comment={comment} segmentId={segmentId} viewerId={viewerId} onChanged={onChanged} />
          </li>
        ))}
      </ol>
      {error && (
        <Alert tone="error" className="mx-4 mb-3">
          {error}
        </Alert>
      )}
      {(thread.canReply || thread.canResolve) && (
        <div className="border-t border-line px-4 py-2.5">
          {isReplying ? (
            <CommentComposer segmentId={segmentId} label={t('reply')} submitLabel={t('reply')} placeholder={t('replyPlaceholder')} autoFocus rows={2} onSubmit={reply} onCancel={() => setIsReplying(false)} />
          ) : (
            <div className="flex flex-wrap gap-2">
              {thread.canReply && (
                <Button variant="secondary" size="sm" onClick={() => setIsReplying(true)}>
                  {t('reply')}
                </Button>
              )}
              {thread.canResolve && (
                <Button variant="ghost" size="sm" onClick={() => void toggleResolved()} disabled={isBusy}>
                  {t(thread.isResolved ? 'reopen' : 'resolve')}
                </Button>
              )}
            </div>
          )}
        </div>
      )}
    </article>
  );
}

function CommentView({ comment, segmentId, viewerId, onChanged }: { comment: DiscussionComment; segmentId: string; viewerId: string | null; onChanged: (announcement: string) => Promise<void> }) {
  const t = useTranslations('discussion.comment');
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (comment.isDeleted) {
    return (
      <div id={`comment-${comment.id}`} data-comment={comment.id} className="px-4 py-2.5 text-sm text-muted italic">
        {t('deleted')}
      </div>
    );
  }

  const save = async (body: string) => {
    const result = await patchComment(comment.id, body);
    if (!result.ok) return result.error.message;
    setIsEditing(false);
    await onChanged(t('changed'));
    return null;
  };

  const remove = async () => {
    const result = await deleteComment(comment.id);
    setIsConfirmingDelete(false);
    if (!result.ok) return setError(result.error.message);
    await onChanged(t('removed'));
  };

  const isOwn = viewerId !== null && comment.author?.id === viewerId;
  return (
    <div id={`comment-${comment.id}`} data-comment={comment.id} className="scroll-mt-24 px-4 py-3 target:bg-mark/60">
      <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-medium text-ink">{comment.author?.name ?? t('formerMember')}</span>
        {isOwn && <span className="text-xs text-muted">{t('you')}</span>}
        <a href={`#comment-${comment.id}`} className="text-xs text-muted hover:underline">
          <LocalTime iso={comment.createdAt} />
        </a>
        {comment.editedAt && <span className="text-xs text-muted">{t('edited')}</span>}
      </div>
      <div className="mt-1">
        {isEditing ? (
          <CommentComposer segmentId={segmentId} label={t('editLabel')} submitLabel={t('save')} initialBody={comment.body} autoFocus rows={3} onSubmit={save} onCancel={() => setIsEditing(false)} />
        ) : (
          <CommentBody body={comment.body} viewerId={viewerId} />
        )}
      </div>
      {error && (
        <Alert tone="error" className="mt-2">
          {error}
        </Alert>
      )}
      {!isEditing && (comment.canEdit || comment.canDelete) && (
        <div className="mt-1.5 flex flex-wrap items-center gap-1 text-xs">
          {isConfirmingDelete ? (
            <>
              <span className="text-ink-soft">{t('confirmDelete')}</span>
              <Button variant="danger" size="sm" className="h-7 px-2 text-xs" onClick={() => void remove()}>
                {t('delete')}
              </Button>
              <Button variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={() => setIsConfirmingDelete(false)}>
                {t('keep')}
              </Button>
            </>
          ) : (
            <>
              {comment.canEdit && (
                <Button variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={() => setIsEditing(true)} aria-label={t('editYours')}>
                  {t('edit')}
                </Button>
              )}
              {comment.canDelete && (
                <Button variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={() => setIsConfirmingDelete(true)} aria-label={isOwn ? t('deleteYours') : comment.author ? t('deleteOthers', { name: comment.author.name }) : t('deleteThis')}>
                  {t('delete')}
                </Button>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
