'use client';

import { memo } from 'react';
import type * as Y from 'yjs';

import type { Peer } from '@/lib/collab/client/presence';
import type { EditorRow } from '@/lib/editor/types';

import { DraftCell, type DraftCellProps } from './draft-cell';
import { Avatar } from './presence-avatars';
import { cn } from '../ui/cn';

export interface SegmentRowProps {
  index: number;
  /** undefined while the row's chunk loads. */
  row: EditorRow | undefined;
  /** The row starts a new paragraph (or is a heading or note): a little more space above it. */
  isBlockStart: boolean;
  isSourceMode: boolean;
  sourceLanguage: string;
  language: string;
  languageName: string;
  doc: Y.Doc | undefined;
  isReadOnly: boolean;
  canSuggest: boolean;
  canPublish: boolean;
  peers: readonly Peer[];
  onFocusDraft: DraftCellProps['onFocusDraft'];
  onCommand: DraftCellProps['onCommand'];
  onUnknownBase: DraftCellProps['onUnknownBase'];
  onOpenDetails: DraftCellProps['onOpenDetails'];
}

const KIND_LABELS = { HEADING: 'Heading', SENTENCE: null, FOOTNOTE: 'Note' } as const;

/** One segment: its number, the original, and the draft being edited, with who else is on it. */
export const SegmentRow = memo(function SegmentRow({ index, row, isBlockStart, isSourceMode, sourceLanguage, language, languageName, doc, isReadOnly, canSuggest, canPublish, peers, onFocusDraft, onCommand, onUnknownBase, onOpenDetails }: SegmentRowProps) {
  const columns = isSourceMode ? 'sm:grid-cols-[3rem_minmax(0,1fr)]' : 'sm:grid-cols-[3rem_minmax(0,1fr)_minmax(0,1fr)]';
  if (!row) {
    return (
      <div aria-hidden="true" className={cn('grid gap-3 border-b border-line px-3 py-3', columns)}>
        <span className="text-xs text-muted tabular-nums">{index + 1}</span>
        <span className="h-10 animate-pulse rounded bg-stone-100" />
        {!isSourceMode && <span className="h-10 animate-pulse rounded bg-stone-100" />}
      </div>
    );
  }
  const kind = KIND_LABELS[row.kind];
  const marker = peers[0]?.user.color;
  return (
    <div data-segment-row={row.segmentId} className={cn('relative grid gap-x-4 gap-y-2 border-b border-line px-3 pb-3', isBlockStart ? 'pt-5' : 'pt-2', columns)}>
      {marker && <span aria-hidden="true" className="absolute inset-y-0 left-0 w-1" style={{ backgroundColor: marker }} />}
      <div className="flex items-start gap-1 sm:flex-col sm:items-end sm:pt-2.5">
        <span className="text-xs text-muted tabular-nums">{index + 1}</span>
        {kind && <span className="text-[0.625rem] font-semibold tracking-wide text-muted uppercase">{row.kind === 'FOOTNOTE' && row.label ? `${kind} ${row.label}` : kind}</span>}
        {peers.length > 0 && (
          <span className="flex flex-wrap gap-0.5 sm:justify-end" aria-label={`Here: ${peers.map((peer) => peer.user.name).join(', ')}`}>
            {peers.map((peer) => (
              <Avatar key={peer.session} user={peer.user} size="sm" />
            ))}
          </span>
        )}
      </div>
      {!isSourceMode && (
        <p lang={sourceLanguage} className={cn('pt-2 font-serif leading-relaxed whitespace-pre-wrap text-ink-soft', row.kind === 'HEADING' && 'font-semibold text-ink', row.kind === 'FOOTNOTE' && 'text-sm')}>
          {row.source.text || <span className="text-muted italic">No original text</span>}
        </p>
      )}
      <DraftCell
        segmentId={row.segmentId}
        chunk={row.chunk}
        language={language}
        published={row.target}
        doc={doc}
        isReadOnly={isReadOnly}
        canSuggest={canSuggest}
        canPublish={canPublish}
        label={`${languageName}, segment ${index + 1}`}
        peers={peers}
        onFocusDraft={onFocusDraft}
        onCommand={onCommand}
        onUnknownBase={onUnknownBase}
        isStale={row.isStale}
        onOpenDetails={onOpenDetails}
      />
    </div>
  );
});
