'use client';

import { useCallback, useState } from 'react';

import type { CheckWindow, SegmentCheckContext } from '@/lib/checks/find-check-window';
import { MAX_CHECK_WINDOW_CHUNKS } from '@/lib/checks/schemas';
import type { CheckSettings, Dismissal, LengthNorm } from '@/lib/checks/types';

import { fetchCheckWindow } from './checks-api';
import { useChunkRequests } from '../editor/use-chunk-requests';

/** How long the loaded chunks must stay the same before their contexts are asked for (ms): scrolling past rows asks nothing. */
const SETTLE_MS = 300;

export interface CheckContexts {
  /** The collection's check settings; null until the first window has arrived. */
  settings: CheckSettings | null;
  lengthNorm: LengthNorm | null;
  canDismiss: boolean;
  /** By segment, for the chunks loaded so far. */
  segments: ReadonlyMap<string, SegmentCheckContext>;
  /** Records a segment's dismissals as they are now (after a dismissal or a restoration from this page). */
  setDismissals: (segmentId: string, dismissals: Dismissal[]) => void;
}

/**
 * The quality checks' context of the editor's loaded chunks (lib/checks/find-check-window.ts):
 * asked once per run of chunks as rows load, after the loaded chunks have stayed the same for
 * {@link SETTLE_MS} — never per keystroke: the checks themselves run in the browser on every
 * change of a draft. A chunk whose rows are read again (a text published or a suggestion decided
 * since, here or by someone else) has its context asked again: the other translations of its
 * sentences and the texts its names were read in may have changed. `isEnabled` is false when
 * editing the original.
 */
export function useCheckContexts({ workId, language, chunks, isEnabled }: { workId: string; language: string; chunks: ReadonlyMap<number, object>; isEnabled: boolean }): CheckContexts {
  const [state, setState] = useState<{ settings: CheckSettings | null; lengthNorm: LengthNorm | null; canDismiss: boolean; segments: ReadonlyMap<string, SegmentCheckContext> }>({ settings: null, lengthNorm: null, canDismiss: false, segments: new Map() });
  useChunkRequests({
    chunks,
    isEnabled,
    maxChunks: MAX_CHECK_WINDOW_CHUNKS,
    settleMs: SETTLE_MS,
    scope: `${workId}/${language}`,
    request: useCallback((run: { chunk: number; count: number }) => fetchCheckWindow({ workId, language, ...run }), [workId, language]),
    // The checks are a help: a failure leaves the contexts out (the checks that need none still run).
    onData: useCallback(({ settings, lengthNorm, canDismiss, segments }: CheckWindow) => {
      setState((current) => ({ settings, lengthNorm, canDismiss, segments: new Map([...current.segments, ...Object.entries(segments)]) }));
    }, []),
  });

  const setDismissals = useCallback((segmentId: string, dismissals: Dismissal[]) => {
    setState((current) => {
      const segment = current.segments.get(segmentId);
      if (!segment) return current;
      return { ...current, segments: new Map([...current.segments, [segmentId, { ...segment, dismissals }]]) };
    });
  }, []);
  return { ...state, setDismissals };
}
