'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';

import type { AlignmentRow } from '@/lib/align/alignment-rows';
import type { AlignmentOperation } from '@/lib/align/plan-alignment-edit';
import { READER_WINDOW_SEGMENTS } from '@/lib/config/limits';

import {
  fetchAlignmentRows,
  postAlignmentEdit,
  postAlignmentUndo,
  postRealignRange,
  type AlignmentChange,
  type AlignmentOrder,
  type AlignmentWindow,
} from './alignment-api';
import { expectedRevisions, type AlignmentChangeKind } from './row-operations';
import { updateUndoStack, useUndoStack } from './undo-stack-store';
import type { ApiError, ApiResult } from '../http/api-request';

/** Rows loaded in one order, and whether the server has more. */
export interface RowList {
  rows: AlignmentRow[];
  hasMore: boolean;
}

/** Most reading-order windows "Show in context" loads while looking for a row. */
const MAX_CONTEXT_WINDOWS = 50;

/** Replaces changed rows in a list; `scoreOf` gives the confidence a changed row now has. */
function patchList(list: RowList, changed: readonly Partial<AlignmentRow>[], scoreOf: (segmentId: string, current: AlignmentRow) => number | null): RowList {
  const byId = new Map(changed.map((row) => [row.segmentId, row]));
  if (!list.rows.some((row) => byId.has(row.segmentId))) return list;
  return {
    ...list,
    rows: list.rows.map((row) => {
      const change = byId.get(row.segmentId);
      return change ? { ...row, ...change, alignScore: change.alignScore !== undefined ? change.alignScore : scoreOf(row.segmentId, row) } : row;
    }),
  };
}

/**
 * State and requests of the alignment editor: the rows in reading order (windowed) and in
 * least-confident order, hand edits, re-alignment of a range, and the undo stack. Every request
 * goes through `run`, so there is one at a time and every outcome ends as a status or an error.
 */
export function useAlignmentEditor({ workId, language, initialWindow }: { workId: string; language: string; initialWindow: AlignmentWindow }) {
  const t = useTranslations('align');
  const [order, setOrder] = useState<AlignmentOrder>('reading');
  const [reading, setReading] = useState<RowList>({ rows: initialWindow.rows, hasMore: initialWindow.hasMore });
  const [confidence, setConfidence] = useState<RowList | null>(null);
  const [busyLabel, setBusyLabel] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const undoKey = `interlinear:alignment-undo:${workId}:${language}`;
  const undoStack = useUndoStack(undoKey);
  // Checked synchronously by `run`, so a double click or a held Ctrl+Z never sends two requests.
  const isBusyRef = useRef(false);

  const applyChange = (changed: readonly Partial<AlignmentRow>[], scoreOf: (segmentId: string, current: AlignmentRow) => number | null) => {
    setReading((list) => patchList(list, changed, scoreOf));
    setConfidence((list) => (list ? patchList(list, changed, scoreOf) : list));
  };

  /**
   * Loads reading-order windows after the last row of `start` (or after the order key `after`)
   * until `isEnough` holds, the text ends or `maxWindows` were read.
   */
  const loadReadingUntil = async (
    start: RowList,
    isEnough: (rows: readonly AlignmentRow[]) => boolean,
    { maxWindows, after, limit }: { maxWindows: number; after?: string; limit?: number },
  ): Promise<ApiResult<RowList>> => {
    let list = start;
    for (let count = 0; count < maxWindows && list.hasMore && !isEnough(list.rows); count += 1) {
      const response = await fetchAlignmentRows({ workId, language, order: 'reading', after: list.rows.at(-1)?.orderKey ?? after, limit });
      if (!response.ok) return response;
      const seen = new Set(list.rows.map((row) => row.segmentId));
      list = { rows: [...list.rows, ...response.data.rows.filter((row) => !seen.has(row.segmentId))], hasMore: response.data.hasMore };
    }
    return { ok: true, data: list };
  };

  /** `count` reading-order rows after the order key `after` (from the start when undefined). */
  const readRange = (after: string | undefined, count: number) =>
    loadReadingUntil({ rows: [], hasMore: true }, (rows) => rows.length >= count, {
      maxWindows: Math.ceil(count / READER_WINDOW_SEGMENTS) + 1,
      after,
      limit: Math.min(count, READER_WINDOW_SEGMENTS),
    });

  /** Reloads what is shown (after STALE_BASE): as many reading-order rows as were loaded, and the confidence list. */
  const reload = async (): Promise<ApiError | null> => {
    const fresh = await readRange(undefined, Math.max(reading.rows.length, 1));
    if (!fresh.ok) return fresh.error;
    setReading(fresh.data);
    if (confidence === null) return null;
    const weakest = await fetchAlignmentRows({ workId, language, order: 'confidence' });
    if (!weakest.ok) return weakest.error;
    setConfidence({ rows: weakest.data.rows, hasMore: weakest.data.hasMore });
    return null;
  };

  /** Runs one request at a time; a failure becomes the error message (and a reload when the rows were stale). */
  const run = async <T,>(label: string, task: () => Promise<ApiResult<T>>, onSuccess: (data: T) => Promise<string> | string, stale?: { message: string; onStale: () => void }): Promise<boolean> => {
    if (isBusyRef.current) return false;
    isBusyRef.current = true;
    setBusyLabel(label);
    setError(null);
    setStatus(t('status.busy', { label }));
    try {
      const response = await task();
      if (response.ok) {
        setStatus(await onSuccess(response.data));
        return true;
      }
      setStatus('');
      if (response.error.code !== 'STALE_BASE') {
        setError(t('status.failed', { label, message: response.error.message }));
        return false;
      }
      stale?.onStale();
      const reloadFailure = await reload();
      const message = stale?.message ?? t('status.staleDefault');
      setError(reloadFailure ? t('status.reloadFailed', { stale: message, message: reloadFailure.message }) : t('status.reloaded', { stale: message }));
      return false;
    } finally {
      isBusyRef.current = false;
      setBusyLabel(null);
    }
  };

  const pushUndo = (kind: AlignmentChangeKind, change: AlignmentChange, before: AlignmentRow[]) => updateUndoStack(undoKey, (stack) => [...stack, { editId: change.editId, kind, before }]);

  /** Applies one hand correction to a row (`offset`: where `splitAt` divides its text). */
  const edit = (segmentId: string, operation: AlignmentOperation, offset?: number) => {
    const { rows } = reading;
    const index = rows.findIndex((row) => row.segmentId === segmentId);
    if (index < 0) return Promise.resolve(false);
    return run(
      t(`changes.${operation}`),
      () => postAlignmentEdit({ workId, language, segmentId, operation, offset, expected: expectedRevisions(rows, index) }),
      (change) => {
        const changedIds = new Set(change.rows.map((row) => row.segmentId));
        pushUndo(operation, change, rows.filter((row) => changedIds.has(row.segmentId)));
        // A row fixed by hand is certain: the server stores confidence 1 for every row it changed.
        applyChange(change.rows, () => 1);
        return t(`done.${operation}`);
      },
    );
  };

  const undo = () => {
    const entry = undoStack.at(-1);
    if (!entry) return Promise.resolve(false);
    const label = t(`changes.${entry.kind}`);
    const drop = () => updateUndoStack(undoKey, (stack) => stack.filter((candidate) => candidate.editId !== entry.editId));
    return run(
      t('status.undoing', { label }),
      () => postAlignmentUndo({ workId, editId: entry.editId }),
      (change) => {
        drop();
        // The server restores the confidences the rows had; the result does not carry them, the snapshot does.
        const before = new Map(entry.before.map((row) => [row.segmentId, row.alignScore]));
        applyChange(change.rows, (segmentId, current) => (before.has(segmentId) ? (before.get(segmentId) ?? null) : current.alignScore));
        return t('status.undid', { label });
      },
      // The rows changed again since: this change can no longer be undone.
      { message: t('status.staleUndo', { label }), onStale: drop },
    );
  };

  const realign = (fromSegmentId: string, toSegmentId: string) => {
    const { rows } = reading;
    const from = rows.findIndex((row) => row.segmentId === fromSegmentId);
    const to = rows.findIndex((row) => row.segmentId === toSegmentId);
    if (from < 0 || to < from) return Promise.resolve(false);
    const before = rows.slice(from, to + 1);
    return run(
      t('status.realigning'),
      () => postRealignRange({ workId, language, fromSegmentId, toSegmentId }),
      async (change) => {
        pushUndo('realign', change, before);
        applyChange(change.rows, (_segmentId, current) => current.alignScore);
        // The result does not carry the new confidences: read the range again to show them.
        const fresh = await readRange(rows[from - 1]?.orderKey, before.length);
        if (fresh.ok) applyChange(fresh.data.rows.slice(0, before.length), (_segmentId, current) => current.alignScore);
        return t('status.realigned', { from: from + 1, to: to + 1, count: change.rows.length });
      },
    );
  };

  const loadMore = () =>
    run(
      t('status.loadingMore'),
      () => loadReadingUntil(reading, (rows) => rows.length > reading.rows.length, { maxWindows: 1 }),
      (list) => {
        const added = list.rows.length - reading.rows.length;
        setReading(list);
        return t('status.loadedMore', { count: added });
      },
    );

  const showOrder = (next: AlignmentOrder) => {
    setOrder(next);
    if (next === 'reading') {
      setStatus(t('status.readingOrder'));
      return Promise.resolve(true);
    }
    // Always re-read: edits since the last visit changed the confidences.
    return run(
      t('status.loadingLeast'),
      () => fetchAlignmentRows({ workId, language, order: 'confidence' }),
      (window) => {
        setConfidence({ rows: window.rows, hasMore: window.hasMore });
        return window.rows.length === 0 ? t('status.noScores') : t('status.showingLeast', { count: window.rows.length });
      },
    );
  };

  /** Switches to reading order with `segmentId` loaded (reading windows up to it). */
  const showInContext = (segmentId: string) =>
    run(
      t('status.finding'),
      () => loadReadingUntil(reading, (rows) => rows.some((row) => row.segmentId === segmentId), { maxWindows: MAX_CONTEXT_WINDOWS }),
      (list) => {
        setReading(list);
        setOrder('reading');
        return list.rows.some((row) => row.segmentId === segmentId) ? t('status.shownInContext') : t('status.tooFar');
      },
    );

  return { order, reading, confidence, undoStack, busyLabel, status, error, edit, undo, realign, loadMore, showOrder, showInContext, dismissError: () => setError(null) };
}
