'use client';

import { useTranslations } from 'next-intl';
import { useMemo, type CSSProperties } from 'react';

import type { AlignmentRow } from '@/lib/align/alignment-rows';
import type { AlignmentOperation } from '@/lib/align/plan-alignment-edit';
import { suggestSplit } from '@/lib/align/suggest-split';

import { AlignmentIcon, type AlignmentIconName } from './alignment-icons';
import { LOW_CONFIDENCE, ROW_OPERATIONS, type RowAvailability } from './row-operations';
import { SplitChooser, wordsBefore } from './split-chooser';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';

/** The re-align range being chosen, as reading-order positions. */
export interface RangeSelection {
  start: number | null;
  end: number | null;
}

export interface AlignmentGroupProps {
  /** A row and the rows its translation also covers (one row alone in least-confident order). */
  rows: readonly AlignmentRow[];
  /** Reading-order position of each loaded row; rows without one are not loaded in context. */
  positions: ReadonlyMap<string, number>;
  availability: ReadonlyMap<string, RowAvailability>;
  sourceLanguage: string;
  language: string;
  targetName: string;
  /** Reading order: the range controls are offered. */
  isReadingOrder: boolean;
  range: RangeSelection;
  onEdit: (segmentId: string, operation: AlignmentOperation, offset?: number) => void;
  /** The chooser of "Split…" is open on this group's first row; `destination` says where the rest goes. */
  split: { destination: string } | null;
  /** A request is running: applying is disabled meanwhile. */
  isBusy: boolean;
  onSplitOpen: (segmentId: string) => void;
  onSplitCancel: () => void;
  onRangeStart: (segmentId: string) => void;
  onRangeEnd: (segmentId: string) => void;
  onShowInContext: (segmentId: string) => void;
}

function ConfidenceBadge({ score }: { score: number | null }) {
  const t = useTranslations('align.group');
  if (score === null) {
    return (
      <Badge title={t('noScoreTitle')}>
        <span className="sr-only">{t('confidence')} </span>—
      </Badge>
    );
  }
  const isLow = score < LOW_CONFIDENCE;
  return (
    <Badge tone={isLow ? 'warning' : 'neutral'} title={t('scoreTitle', { score, low: isLow ? 'yes' : 'no' })} className="tabular-nums">
      <span className="sr-only">{t(isLow ? 'lowConfidence' : 'confidence')} </span>
      {isLow && <span aria-hidden="true">⚑&nbsp;</span>}
      {t('percent', { score })}
    </Badge>
  );
}

function IconButton({ icon, reason, onClick }: { icon: Exclude<AlignmentIconName, 'context'>; reason?: string | null; onClick: () => void }) {
  const t = useTranslations('align');
  const label = t(`operations.${icon}`);
  return (
    <Button variant="ghost" size="sm" className="w-8 px-0 text-ink disabled:text-muted disabled:opacity-40" aria-label={label} title={reason ? t('group.reasonTitle', { label, reason }) : label} disabled={Boolean(reason)} onClick={onClick}>
      <AlignmentIcon name={icon} />
    </Button>
  );
}

/**
 * One alignment group of the editor: each source row with its confidence and action buttons on
 * the left, and the one translation that covers them all on the right (beneath on narrow
 * screens), so a 2–1 alignment reads as one joined block, as in the parallel reader.
 */
export function AlignmentGroup({ rows, positions, availability, sourceLanguage, language, targetName, isReadingOrder, range, onEdit, split, isBusy, onSplitOpen, onSplitCancel, onRangeStart, onRangeEnd, onShowInContext }: AlignmentGroupProps) {
  const t = useTranslations('align.group');
  const [head] = rows;
  const canSplit = head !== undefined && availability.get(head.segmentId)?.splitAt === null;
  // A translation covering several source rows: where the aligner's length and anchor model would divide it.
  const suggestion = useMemo(
    () => (isReadingOrder && canSplit && head.text && rows.length > 1 ? suggestSplit({ sources: rows.map((row) => row.source), text: head.text, language }) : null),
    [isReadingOrder, canSplit, head, rows, language],
  );
  if (!head) return null;
  const isCoveredAlone = head.continuesPrevious;
  const suggested = suggestion?.offsets[0] ?? null;
  return (
    <li data-align-group={head.segmentId} className="grid overflow-hidden rounded-lg border border-line bg-surface shadow-xs sm:grid-cols-2" style={{ '--rows': rows.length } as CSSProperties}>
      {rows.map((row, index) => {
        const position = positions.get(row.segmentId);
        const isInRange = position !== undefined && range.start !== null && position >= range.start && position <= (range.end ?? range.start);
        const isLow = row.alignScore !== null && row.alignScore < LOW_CONFIDENCE;
        const rowAvailability = position === undefined ? null : availability.get(row.segmentId);
        return (
          <div
            key={row.segmentId}
            id={`align-${row.segmentId}`}
            data-align-row={row.segmentId}
            tabIndex={-1}
            aria-label={position === undefined ? undefined : t('row', { number: position + 1 })}
            role="group"
            className={cn(
              'min-w-0 scroll-mt-40 px-3 py-2 sm:col-start-1 sm:[grid-row:var(--row)]',
              index > 0 && 'border-t border-dashed border-line-strong',
              isLow && 'bg-amber-50/70 shadow-[inset_3px_0_0_var(--color-amber-400)]',
              isInRange && 'bg-accent-50 shadow-[inset_3px_0_0_var(--color-accent-500)]',
            )}
            style={{ '--row': index + 1 } as CSSProperties}
          >
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              {position !== undefined && <span className="font-mono text-xs text-muted tabular-nums" aria-hidden="true">#{position + 1}</span>}
              <ConfidenceBadge score={row.alignScore} />
              {isInRange && range.start === position && <Badge tone="accent">{t('rangeStart')}</Badge>}
              {isInRange && range.end === position && <Badge tone="accent">{t('rangeEnd')}</Badge>}
              <div role="group" aria-label={t('actions')} className="ml-auto flex flex-wrap items-center">
                {rowAvailability ? (
                  <>
                    {ROW_OPERATIONS.map((operation) => (
                      <IconButton key={operation} icon={operation} reason={rowAvailability[operation]} onClick={() => onEdit(row.segmentId, operation)} />
                    ))}
                    <IconButton icon="splitAt" reason={rowAvailability.splitAt} onClick={() => onSplitOpen(row.segmentId)} />
                    {isReadingOrder && (
                      <>
                        <span aria-hidden="true" className="mx-1 h-5 w-px bg-line-strong" />
                        <IconButton icon="realignFrom" reason={row.continuesPrevious ? t('realignFromReason') : null} onClick={() => onRangeStart(row.segmentId)} />
                        {range.start !== null && position !== undefined && position >= range.start && (
                          <IconButton icon="realignTo" onClick={() => onRangeEnd(row.segmentId)} />
                        )}
                      </>
                    )}
                  </>
                ) : (
                  <Button variant="ghost" size="sm" onClick={() => onShowInContext(row.segmentId)}>
                    <AlignmentIcon name="context" />
                    {t('showInContext')}
                  </Button>
                )}
              </div>
            </div>
            <p lang={sourceLanguage} className="reading mt-1 text-base break-words">
              {row.source || <span className="font-sans text-sm text-muted italic">{t('noText')}</span>}
            </p>
          </div>
        );
      })}
      <div
        lang={language}
        data-align-translation
        className="reading min-w-0 border-t border-line bg-accent-50/40 px-3 py-2 text-base break-words sm:col-start-2 sm:row-start-1 sm:[grid-row-end:span_var(--rows)] sm:border-t-0 sm:border-l"
      >
        <span className="sr-only">{t('languageLabel', { language: targetName })} </span>
        {split && head.text ? (
          <SplitChooser
            // Another text (an undo, another tab's change reloaded) starts the choice afresh.
            key={head.revisionId ?? ''}
            text={head.text}
            language={language}
            initialOffset={suggested}
            destination={split.destination}
            isBusy={isBusy}
            onApply={(offset) => onEdit(head.segmentId, 'splitAt', offset)}
            onCancel={onSplitCancel}
          />
        ) : isCoveredAlone ? (
          <span className="font-sans text-sm text-muted italic">{t('coveredAbove')}</span>
        ) : (
          <span data-align-text>{head.text || <span className="font-sans text-sm text-muted italic">{t('noTranslation')}</span>}</span>
        )}
        {rows.length > 1 && <span className="mt-1 block font-sans text-xs text-muted">{t('covers', { count: rows.length })}</span>}
        {!split && head.text && suggested !== null && (
          <div data-split-suggestion className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md border border-amber-200 bg-amber-50 px-2 py-1 font-sans text-sm">
            <span className="min-w-0 flex-1 basis-48">
              {t.rich('suggested', { words: wordsBefore(head.text, suggested), q: (chunks) => <q lang={language}>{chunks}</q> })}
            </span>
            <Button size="sm" variant="secondary" disabled={isBusy} onClick={() => onEdit(head.segmentId, 'splitAt', suggested)}>
              {t('applySuggested')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => onSplitOpen(head.segmentId)}>
              {t('adjust')}
            </Button>
          </div>
        )}
      </div>
    </li>
  );
}
