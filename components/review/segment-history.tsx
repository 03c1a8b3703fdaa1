'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

import { fetchRevisionHistory, revertToRevision, type HistoryEntryJson } from './review-api';
import { DiffText } from '../diff/diff-text';
import { MachineLabel } from '../machine-translation/machine-label';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';

/** The origins of a revision named in `segmentHistory.origins`; another is shown as it is. */
const ORIGINS = ['IMPORT', 'EDIT', 'CLEANUP', 'ALIGN', 'APPROVAL', 'REVERT'] as const;
const isOrigin = (origin: string): origin is (typeof ORIGINS)[number] => (ORIGINS as readonly string[]).includes(origin);

/**
 * Every revision of one segment's text in one language, newest first: who, when, how, and the
 * word diff to the one before. Editors may publish an earlier revision again (a new revision),
 * after confirming it in place; a revision whose words are published now offers nothing to do.
 */
export function SegmentHistory({ segmentId, language, canRevert, onReverted }: { segmentId: string; language: string; canRevert: boolean; onReverted?: () => void }) {
  const t = useTranslations('segmentHistory');
  const format = useFormatter();
  const [entries, setEntries] = useState<HistoryEntryJson[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The revision whose "publish again" awaits confirmation. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  /** Bumped to load the history again after a revert (or when it turned out stale). */
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    void fetchRevisionHistory({ segmentId, language }).then((result) => {
      if (!isCurrent) return;
      if (result.ok) setEntries(result.data.revisions);
      else setLoadError(result.error.message);
    });
    return () => {
      isCurrent = false;
    };
  }, [segmentId, language, version]);

  const revert = async (revisionId: string) => {
    const published = entries?.find((entry) => entry.isPublished)?.revisionId ?? null;
    setBusy(revisionId);
    setActionError(null);
    setNotice(null);
    const result = await revertToRevision({ segmentId, language, revisionId, expectedRevisionId: published });
    setBusy(null);
    setConfirming(null);
    if (!result.ok) {
      setActionError(result.error.message);
      // Someone published meanwhile: show the history as it is now.
      if (result.error.code === 'STALE_BASE') setVersion((current) => current + 1);
      return;
    }
    setNotice(t('republished'));
    setVersion((current) => current + 1);
    onReverted?.();
  };

  if (loadError) return <p role="alert" className="text-sm text-red-800">{loadError}</p>;
  if (!entries) return <p className="text-sm text-muted">{t('loading')}</p>;
  if (entries.length === 0) return <p className="text-sm text-muted">{t('empty')}</p>;
  return (
    <div className="space-y-3">
      {actionError && <Alert tone="error">{actionError}</Alert>}
      {notice && <Alert tone="success">{notice}</Alert>}
      <ol aria-label={t('revisions')} className="space-y-3">
        {entries.map((entry) => (
          <li key={entry.revisionId} data-revision={entry.revisionId} className="rounded-md border border-line p-3">
            <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
              <span className="font-medium text-ink">{isOrigin(entry.origin) ? t(`origins.${entry.origin}`) : entry.origin}</span>
              <span>{t('authors', { author: entry.authorName ?? t('noAuthor'), hasEditor: entry.editorName ? 'yes' : 'no', editor: entry.editorName ?? '' })}</span>
              <time dateTime={entry.createdAt}>{t('dateUtc', { date: format.dateTime(new Date(entry.createdAt), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) })}</time>
              {entry.machine && <MachineLabel origin={entry.machine} />}
              {entry.isPublished && <Badge tone="success">{t('publishedNow')}</Badge>}
              {!entry.isPublished && entry.isSameAsPublished && <Badge>{t('sameAsPublished')}</Badge>}
            </div>
            <p className="mt-1.5 font-serif text-[0.9375rem] leading-relaxed">
              <DiffText ops={entry.diff} />
            </p>
            {canRevert &&
              !entry.isSameAsPublished &&
              (confirming === entry.revisionId ? (
                <ConfirmRepublish isBusy={busy === entry.revisionId} onConfirm={() => void revert(entry.revisionId)} onCancel={() => setConfirming(null)} />
              ) : (
                <Button size="sm" variant="secondary" className="mt-2" disabled={busy !== null} onClick={() => setConfirming(entry.revisionId)}>
                  {t('republish')}
                </Button>
              ))}
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * The confirmation step of "publish again", in place of its button: a labelled group that takes
 * the focus (on Cancel, so a second Enter does not publish), with Escape to cancel without
 * closing the panel around it, and the focus given back to the button afterwards.
 */
function ConfirmRepublish({ isBusy, onConfirm, onCancel }: { isBusy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const t = useTranslations('segmentHistory.confirm');
  const questionId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancelRef.current?.focus();
  }, []);
  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || isBusy) return;
    // Handled here: the details panel closes on an Escape nobody handled.
    event.preventDefault();
    onCancel();
  };
  return (
    <div role="group" aria-labelledby={questionId} data-confirm-republish onKeyDown={handleKeyDown} className="mt-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950">
      <p id={questionId}>{t('question')}</p>
      <div className="mt-2 flex gap-2">
        <Button size="sm" disabled={isBusy} onClick={onConfirm}>
          {t(isBusy ? 'publishing' : 'publishIt')}
        </Button>
        <Button ref={cancelRef} size="sm" variant="secondary" disabled={isBusy} onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </div>
  );
}
