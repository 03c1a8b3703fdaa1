'use client';

import { useEffect, useState } from 'react';

import type { HistoryEntry } from '@/lib/review/revision-history';

import { DiffText } from '../diff/diff-text';
import { getJson, postJson } from '../http/api-request';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';

type Entry = Omit<HistoryEntry, 'createdAt'> & { createdAt: string };

const ORIGINS: Record<string, string> = { IMPORT: 'Imported', EDIT: 'Edited', CLEANUP: 'Cleanup', ALIGN: 'Alignment fix', APPROVAL: 'Approved suggestion', REVERT: 'Revert' };
const DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/**
 * Every revision of one segment's text in one language, newest first: who, when, how, and the
 * word diff to the one before. Editors may publish any earlier revision again (a new revision).
 */
export function SegmentHistory({ segmentId, language, canRevert, onReverted }: { segmentId: string; language: string; canRevert: boolean; onReverted?: () => void }) {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  /** Bumped to load the history again after a revert. */
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    void getJson<{ revisions: Entry[] }>(`/api/segments/${segmentId}/history`, { query: { lang: language } }).then((result) => {
      if (!isCurrent) return;
      if (result.ok) setEntries(result.data.revisions);
      else setError(result.error.message);
    });
    return () => {
      isCurrent = false;
    };
  }, [segmentId, language, version]);

  const revert = async (revisionId: string) => {
    const published = entries?.find((entry) => entry.isPublished)?.revisionId ?? null;
    setBusy(revisionId);
    const result = await postJson(`/api/segments/${segmentId}/revert`, { language, revisionId, expectedRevisionId: published });
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    setVersion((current) => current + 1);
    onReverted?.();
  };

  if (error) return <p role="alert" className="text-sm text-red-800">{error}</p>;
  if (!entries) return <p className="text-sm text-muted">Loading the history…</p>;
  if (entries.length === 0) return <p className="text-sm text-muted">No text has been published in this language yet.</p>;
  return (
    <ol aria-label="Revisions, newest first" className="space-y-3">
      {entries.map((entry) => (
        <li key={entry.revisionId} data-revision={entry.revisionId} className="rounded-md border border-line p-3">
          <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
            <span className="font-medium text-ink">{ORIGINS[entry.origin] ?? entry.origin}</span>
            <span>
              {entry.authorName ?? 'no named author'}
              {entry.editorName && `, edited by ${entry.editorName}`}
            </span>
            <time dateTime={entry.createdAt}>{DATE.format(new Date(entry.createdAt))} UTC</time>
            {entry.isPublished && <Badge tone="success">Published now</Badge>}
          </div>
          <p className="mt-1.5 font-serif text-[0.9375rem] leading-relaxed">
            <DiffText ops={entry.diff} />
          </p>
          {canRevert && !entry.isPublished && (
            <Button size="sm" variant="secondary" className="mt-2" disabled={busy !== null} onClick={() => void revert(entry.revisionId)}>
              {busy === entry.revisionId ? 'Publishing…' : 'Publish this version again'}
            </Button>
          )}
        </li>
      ))}
    </ol>
  );
}
