'use client';

import { useTranslations } from 'next-intl';
import { memo, useMemo, useRef } from 'react';
import type * as Y from 'yjs';

import type { SegmentCheckContext } from '@/lib/checks/find-check-window';
import { joinGroupSources } from '@/lib/checks/group-source';
import type { CheckSettings, Dismissal, LengthNorm } from '@/lib/checks/types';
import type { Peer } from '@/lib/collab/client/presence';
import type { EditorRow } from '@/lib/editor/types';
import type { GlossaryHit, SegmentGlossaryHits } from '@/lib/glossary/types';
import type { SuspectMark } from '@/lib/proofread/suspect-mark';

import { DraftCell, type DraftCellProps } from './draft-cell';
import { GlossaryText } from './glossary-text';
import { ariaKeysOf } from './keyboard-shortcuts';
import { Avatar } from './presence-avatars';
import { isContinuation } from './row-layout';
import type { DraftChecks } from '../checks/draft-findings';
import { SuspectMarks } from '../proofread/suspect-marks';
import { TextWithPageMarks } from '../reader/text-with-page-marks';
import { structureChoices, type StructureAction } from '../structure/structure-actions';
import { StructureMenu } from '../structure/structure-menu';
import { StructureWaiting } from '../structure/structure-waiting';
import { cn } from '../ui/cn';

export interface SegmentRowProps {
  index: number;
  workId: string;
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
  canReview: boolean;
  peers: readonly Peer[];
  onFocusDraft: DraftCellProps['onFocusDraft'];
  onCommand: DraftCellProps['onCommand'];
  onUnknownBase: DraftCellProps['onUnknownBase'];
  onOpenDetails: DraftCellProps['onOpenDetails'];
  /** The rows before and after this one in reading order (undefined: none, or not loaded yet). */
  previousRow: EditorRow | undefined;
  nextRow: EditorRow | undefined;
  /** The viewer may propose structural changes here (source language, may suggest): the row has a "Structure" menu. */
  canProposeStructure: boolean;
  isStructureMenuOpen: boolean;
  /** Opens this row's structure menu (its id) or closes it (null). */
  onStructureMenu: (segmentId: string | null) => void;
  onStructureAction: (segmentId: string, action: StructureAction) => void;
  /** Words of this segment's original that look misread (correcting the original only). */
  suspects?: readonly SuspectMark[];
  /** A correction of one of them was suggested: the row's chunk is read again. */
  onSuspectSuggested?: (chunk: number) => void;
  /** The quality checks of a translation (absent when editing the original): this segment's context, once its window's has arrived. */
  checkContext?: SegmentCheckContext;
  checkSettings?: CheckSettings | null;
  lengthNorm?: LengthNorm | null;
  canDismissFindings?: boolean;
  onDismissalsChange?: (segmentId: string, dismissals: Dismissal[]) => void;
  /** The glossary terms in the originals of the loaded rows, by segment (translating only). */
  glossary?: ReadonlyMap<string, SegmentGlossaryHits>;
}

const NO_HITS: readonly GlossaryHit[] = [];

/** A segment's glossary hits, when they were found in the text shown (not in an earlier version of it). */
function hitsOf(glossary: ReadonlyMap<string, SegmentGlossaryHits> | undefined, segmentId: string, text: string): readonly GlossaryHit[] {
  const found = glossary?.get(segmentId);
  return found && found.text === text ? found.hits : NO_HITS;
}

/** The label beside a row's number, by kind (keys in `editor.segmentRow`): none for a sentence. */
const KIND_LABELS = { HEADING: 'heading', SENTENCE: null, FOOTNOTE: 'note' } as const;

/**
 * One segment: its number, the original, and the draft being edited, with who else is on it. A
 * group of segments translated together (one translated sentence covering several source
 * segments) is one unit, as the reader shows it: its first row holds every source segment of the
 * group and the one translation; the rows of the others are left empty. On a phone the columns
 * stack: the number, then the original, then the draft.
 */
export const SegmentRow = memo(function SegmentRow({ index, workId, row, isBlockStart, isSourceMode, sourceLanguage, language, languageName, doc, isReadOnly, canSuggest, canPublish, canReview, peers, onFocusDraft, onCommand, onUnknownBase, onOpenDetails, previousRow, nextRow, canProposeStructure, isStructureMenuOpen, onStructureMenu, onStructureAction, suspects, onSuspectSuggested, glossary, checkContext, checkSettings = null, lengthNorm = null, canDismissFindings = false, onDismissalsChange }: SegmentRowProps) {
  const t = useTranslations('editor.segmentRow');
  // The draft's insertion at its caret, for the original's marked terms.
  const insertRef = useRef<((text: string) => void) | null>(null);
  // The source as the checks read it (a group's texts joined), and each text's footnote markers.
  const group = useMemo(() => (row ? joinGroupSources([row.source.text, ...row.groupedSources.map((grouped) => grouped.text)]) : null), [row]);
  const checks = useMemo((): DraftChecks | undefined => {
    if (isSourceMode || !group || !onDismissalsChange) return undefined;
    return { workId, source: group.text, sourceLanguage, context: checkContext, settings: checkSettings, lengthNorm, canDismiss: canDismissFindings, onDismissalsChange };
  }, [isSourceMode, workId, group, sourceLanguage, checkContext, checkSettings, lengthNorm, canDismissFindings, onDismissalsChange]);
  const markersOf = (part: number, length: number) => {
    const start = group?.offsets[part] ?? 0;
    return (checkContext?.footnotes ?? []).filter((footnote) => footnote.offset >= start && footnote.offset <= start + length).map((footnote) => ({ label: footnote.label, offset: footnote.offset - start }));
  };
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
  // Shown with the first segment of its group (a first row of the work continues nothing).
  if (isContinuation(row, index)) return <div data-segment-row={row.segmentId} data-continues-previous="" />;
  const kind = KIND_LABELS[row.kind];
  const marker = peers[0]?.user.color;
  const number = row.groupedSources.length > 0 ? `${index + 1}–${index + 1 + row.groupedSources.length}` : `${index + 1}`;
  const sourceHits = isSourceMode ? NO_HITS : hitsOf(glossary, row.segmentId, row.source.text);
  const groupedHits = row.groupedSources.map((grouped) => (isSourceMode ? NO_HITS : hitsOf(glossary, grouped.segmentId, grouped.text)));
  const insert = isReadOnly ? undefined : (text: string) => insertRef.current?.(text);
  return (
    <div data-segment-row={row.segmentId} className={cn('relative grid gap-x-4 gap-y-2 border-b border-line px-2 pb-3 sm:px-3', isBlockStart ? 'pt-5' : 'pt-2', columns)}>
      {marker && <span aria-hidden="true" className="absolute inset-y-0 left-0 w-1" style={{ backgroundColor: marker }} />}
      <div className="flex items-start gap-1 sm:flex-col sm:items-end sm:pt-2.5">
        <span className="text-xs text-muted tabular-nums">{number}</span>
        {kind && <span className="text-[0.625rem] font-semibold tracking-wide text-muted uppercase">{row.kind === 'FOOTNOTE' && row.label ? t('noteLabelled', { label: row.label }) : t(kind)}</span>}
        {peers.length > 0 && (
          <span className="flex flex-wrap gap-0.5 sm:justify-end" aria-label={t('here', { names: peers.map((peer) => peer.user.name).join(', ') })}>
            {peers.map((peer) => (
              <Avatar key={peer.session} user={peer.user} size="sm" />
            ))}
          </span>
        )}
      </div>
      {!isSourceMode && (
        <div lang={sourceLanguage} data-source-text="" className={cn('space-y-1 pt-2 font-serif leading-relaxed whitespace-pre-wrap text-ink-soft', row.kind === 'HEADING' && 'font-semibold text-ink', row.kind === 'FOOTNOTE' && 'text-sm')}>
          <p>
            {!row.source.text ? (
              <span className="text-muted italic">{t('noOriginal')}</span>
            ) : sourceHits.length > 0 ? (
              <GlossaryText text={row.source.text} emphasis={row.source.emphasis} markers={markersOf(0, row.source.text.length)} hits={sourceHits} targetLanguage={language} onInsert={insert} />
            ) : (
              <TextWithPageMarks text={row.source.text} pages={[]} emphasis={row.source.emphasis} markers={markersOf(0, row.source.text.length)} />
            )}
          </p>
          {row.groupedSources.map((grouped, part) => (
            <p key={grouped.segmentId} data-grouped-source={grouped.segmentId}>
              {(groupedHits[part] ?? NO_HITS).length > 0 ? <GlossaryText text={grouped.text} markers={markersOf(part + 1, grouped.text.length)} hits={groupedHits[part] ?? NO_HITS} targetLanguage={language} onInsert={insert} /> : <TextWithPageMarks text={grouped.text} pages={[]} markers={markersOf(part + 1, grouped.text.length)} />}
            </p>
          ))}
          {row.groupedSources.length > 0 && <p className="font-sans text-xs text-muted not-italic">{t('translatedAsOne')}</p>}
        </div>
      )}
      <DraftCell
        workId={workId}
        segmentId={row.segmentId}
        memoryLanguage={isSourceMode ? null : language}
        chunk={row.chunk}
        language={language}
        published={row.target}
        suggestions={row.suggestions}
        doc={doc}
        isReadOnly={isReadOnly}
        canSuggest={canSuggest}
        canPublish={canPublish}
        canReview={canReview}
        label={t('draftLabel', { language: languageName, isGroup: row.groupedSources.length > 0 ? 'yes' : 'no', number })}
        peers={peers}
        onFocusDraft={onFocusDraft}
        onCommand={onCommand}
        onUnknownBase={onUnknownBase}
        isStale={row.isStale}
        onOpenDetails={onOpenDetails}
        glossaryHits={groupedHits.length > 0 ? [...sourceHits, ...groupedHits.flat()] : sourceHits}
        insertRef={insertRef}
        checks={checks}
        notes={
          (row.structure.length > 0 || (suspects && suspects.length > 0)) && (
            <>
              {row.structure.length > 0 && <StructureWaiting waiting={row.structure} workId={workId} canReview={canReview} />}
              {suspects && suspects.length > 0 && <SuspectMarks workId={workId} segmentId={row.segmentId} marks={suspects} canSuggest={canSuggest} onSuggested={() => onSuspectSuggested?.(row.chunk)} />}
            </>
          )
        }
        actions={
          canProposeStructure && (
            <StructureMenu
              choices={structureChoices(row, previousRow, nextRow)}
              isOpen={isStructureMenuOpen}
              onOpenChange={(isOpen) => onStructureMenu(isOpen ? row.segmentId : null)}
              onChoose={(action) => onStructureAction(row.segmentId, action)}
              keyShortcuts={ariaKeysOf('structure')}
            />
          )
        }
      />
    </div>
  );
});

