'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';

import type { AlignmentOperation } from '@/lib/align/plan-alignment-edit';

import type { AlignmentOrder, AlignmentWindow } from './alignment-api';
import { AlignmentGroup } from './alignment-group';
import { AlignmentLegend } from './alignment-legend';
import { RealignRangeBar } from './realign-range-bar';
import { groupRows, planRowAvailability } from './row-operations';
import { useAlignmentEditor } from './use-alignment-editor';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';

export interface AlignmentEditorProps {
  workId: string;
  language: string;
  sourceLanguage: string;
  sourceName: string;
  targetName: string;
  /** The first reading-order window, loaded by the page. */
  initialWindow: AlignmentWindow;
}

const ORDERS: { value: AlignmentOrder; label: 'readingOrder' | 'leastConfidentFirst' }[] = [
  { value: 'reading', label: 'readingOrder' },
  { value: 'confidence', label: 'leastConfidentFirst' },
];

/** Where focus goes once a request has finished: a row, when the control that had it is gone or disabled. */
interface PendingFocus {
  segmentId: string;
  isForced: boolean;
}

function hasLostFocus(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected || (active instanceof HTMLButtonElement && active.disabled);
}

function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The alignment editor: the original and the translation side by side, one group per translated
 * passage, with hand corrections on every row (planned in the browser with the server's own
 * planner, so impossible ones are disabled), undo (button and Ctrl/Cmd+Z), the least confident
 * rows first on request, and re-alignment of a chosen range.
 */
export function AlignmentEditor({ workId, language, sourceLanguage, sourceName, targetName, initialWindow }: AlignmentEditorProps) {
  const t = useTranslations('align');
  const editor = useAlignmentEditor({ workId, language, initialWindow });
  const { order, reading, confidence, undoStack, busyLabel } = editor;
  const [rangeStartId, setRangeStartId] = useState<string | null>(null);
  const [rangeEndId, setRangeEndId] = useState<string | null>(null);
  // The row whose translation the "Split…" chooser is open on.
  const [splittingId, setSplittingId] = useState<string | null>(null);
  const pendingFocus = useRef<PendingFocus | null>(null);

  const positions = useMemo(() => new Map(reading.rows.map((row, index) => [row.segmentId, index])), [reading.rows]);
  const tAvailability = useTranslations('align.availability');
  const tRefusal = useTranslations('align.refusals');
  const availability = useMemo(() => planRowAvailability(reading.rows, language, tAvailability, tRefusal), [reading.rows, language, tAvailability, tRefusal]);
  const groups = useMemo(() => (order === 'reading' ? groupRows(reading.rows) : (confidence?.rows ?? []).map((row) => [row])), [order, reading.rows, confidence]);
  const rangeStart = rangeStartId === null ? null : (positions.get(rangeStartId) ?? null);
  const rangeEnd = rangeEndId === null || rangeStart === null ? null : (positions.get(rangeEndId) ?? null);
  const range = { start: rangeStart, end: rangeEnd !== null && rangeEnd >= (rangeStart ?? 0) ? rangeEnd : null };

  // Ctrl/Cmd+Z undoes the last change, except while typing in a field (where it undoes typing).
  const undoRef = useRef(editor.undo);
  useEffect(() => {
    undoRef.current = editor.undo;
  });
  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || isTextEntry(event.target)) return;
      event.preventDefault();
      void undoRef.current();
    };
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, []);

  // After a request: keep keyboard users in place when the button they used became disabled.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || busyLabel) return;
    pendingFocus.current = null;
    const element = document.getElementById(`align-${pending.segmentId}`);
    if (!element || (!pending.isForced && !hasLostFocus())) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: pending.isForced ? 'center' : 'nearest' });
  });

  const handleEdit = async (segmentId: string, operation: AlignmentOperation, offset?: number) => {
    pendingFocus.current = { segmentId, isForced: false };
    // Any change closes the chooser: the text it was showing is no longer the row's.
    if (await editor.edit(segmentId, operation, offset)) setSplittingId(null);
  };

  /** Where "Split…" on `segmentId` sends the text after the point, in words. */
  const splitDestination = (segmentId: string): string => {
    const position = positions.get(segmentId);
    const next = position === undefined ? undefined : reading.rows[position + 1];
    if (position === undefined || !next) return t('editor.nextRow');
    return t(next.continuesPrevious ? 'editor.rowOwnTranslation' : 'editor.rowBeforeTranslation', { number: position + 2 });
  };

  const cancelSplit = () => {
    if (splittingId) pendingFocus.current = { segmentId: splittingId, isForced: true };
    setSplittingId(null);
  };

  const handleUndo = () => {
    const segmentId = undoStack.at(-1)?.before[0]?.segmentId;
    if (segmentId) pendingFocus.current = { segmentId, isForced: false };
    setSplittingId(null);
    void editor.undo();
  };

  const handleShowInContext = (segmentId: string) => {
    pendingFocus.current = { segmentId, isForced: true };
    void editor.showInContext(segmentId);
  };

  const handleRangeStart = (segmentId: string) => {
    setRangeStartId(segmentId);
    const end = rangeEndId === null ? undefined : positions.get(rangeEndId);
    if (end !== undefined && end < (positions.get(segmentId) ?? 0)) setRangeEndId(null);
  };

  const handleRealign = async () => {
    if (!rangeStartId || !rangeEndId) return;
    pendingFocus.current = { segmentId: rangeStartId, isForced: false };
    if (await editor.realign(rangeStartId, rangeEndId)) {
      setRangeStartId(null);
      setRangeEndId(null);
    }
  };

  const cancelRange = () => {
    setRangeStartId(null);
    setRangeEndId(null);
  };

  const lastChange = undoStack.at(-1);
  const visible = order === 'reading' ? reading : confidence;
  return (
    <div className="min-w-0">
      <div className="z-20 -mx-4 border-y border-line bg-paper/95 px-4 py-3 backdrop-blur sm:sticky sm:top-[var(--site-header-height,3.0625rem)] sm:mx-0 sm:rounded-b-lg sm:border-x">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <div role="group" aria-label={t('editor.order')} className="inline-flex rounded-lg bg-stone-100 p-1">
            {ORDERS.map((entry) => (
              <button
                key={entry.value}
                type="button"
                aria-pressed={order === entry.value}
                onClick={() => void editor.showOrder(entry.value)}
                className={cn('rounded-md px-3 py-1 text-sm font-medium whitespace-nowrap transition-colors', order === entry.value ? 'bg-surface text-ink shadow-sm' : 'text-muted hover:text-ink')}
              >
                {t(`editor.${entry.label}`)}
              </button>
            ))}
          </div>
          <Button
            variant="secondary"
            size="sm"
            onClick={handleUndo}
            disabled={!lastChange}
            aria-keyshortcuts="Control+Z Meta+Z"
            title={lastChange ? t('editor.undoTitle', { label: t(`changes.${lastChange.kind}`), count: undoStack.length }) : t('editor.nothingToUndo')}
          >
            <span aria-hidden="true">{'↶'}</span> {t('editor.undo')}
            {lastChange && (
              <span aria-hidden="true" className="rounded-full bg-stone-100 px-1.5 text-xs text-muted tabular-nums">
                {undoStack.length}
              </span>
            )}
          </Button>
          <p role="status" aria-live="polite" className="min-w-0 flex-1 basis-56 text-sm text-muted">
            {editor.status || t('editor.saved')}
          </p>
        </div>
        {order === 'reading' && rangeStart !== null && (
          <RealignRangeBar start={rangeStart} end={range.end} isBusy={busyLabel !== null} onRealign={() => void handleRealign()} onCancel={cancelRange} />
        )}
        {editor.error && (
          <div role="alert" className="mt-2 flex items-start gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
            <p className="flex-1">{editor.error}</p>
            <button type="button" onClick={editor.dismissError} className="shrink-0 text-red-900 underline">
              {t('editor.dismiss')}
            </button>
          </div>
        )}
      </div>

      <AlignmentLegend className="mt-4" />

      <div aria-hidden="true" className="mt-4 hidden grid-cols-2 px-3 text-xs font-semibold tracking-wide text-muted uppercase sm:grid">
        <span>{t('editor.originalColumn', { language: sourceName })}</span>
        <span className="pl-3">{targetName}</span>
      </div>
      <ol aria-label={t(order === 'reading' ? 'editor.rowsReading' : 'editor.rowsConfidence')} aria-busy={busyLabel !== null} className="mt-2 space-y-2">
        {groups.map((rows) => (
          <AlignmentGroup
            key={rows[0]?.segmentId}
            rows={rows}
            positions={positions}
            availability={availability}
            sourceLanguage={sourceLanguage}
            language={language}
            targetName={targetName}
            isReadingOrder={order === 'reading'}
            range={order === 'reading' ? range : { start: null, end: null }}
            onEdit={(segmentId, operation, offset) => void handleEdit(segmentId, operation, offset)}
            split={rows[0] && rows[0].segmentId === splittingId ? { destination: splitDestination(splittingId) } : null}
            isBusy={busyLabel !== null}
            onSplitOpen={setSplittingId}
            onSplitCancel={cancelSplit}
            onRangeStart={handleRangeStart}
            onRangeEnd={setRangeEndId}
            onShowInContext={handleShowInContext}
          />
        ))}
      </ol>
      <div className="mt-6 flex flex-col items-center gap-2 text-center text-sm text-muted">
        {order === 'reading' && reading.hasMore && (
          <Button variant="secondary" size="sm" onClick={() => void editor.loadMore()} disabled={busyLabel !== null}>
            {t('editor.loadMore')}
          </Button>
        )}
        {order === 'reading' && !reading.hasMore && <p>{t('editor.endOfText')}</p>}
        {order === 'confidence' && visible?.hasMore && <p>{t('editor.onlyLeastConfident', { count: visible.rows.length })}</p>}
        {order === 'confidence' && visible && visible.rows.length === 0 && <p>{t('editor.noConfidence')}</p>}
      </div>
    </div>
  );
}

