'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

import type { SegmentCheckContext } from '@/lib/checks/find-check-window';
import { MAX_CHECK_WINDOW_CHUNKS } from '@/lib/checks/schemas';
import type { CheckSettings, Dismissal, LengthNorm } from '@/lib/checks/types';

import { fetchCheckWindow } from './checks-api';
import { chunkRuns } from '../editor/use-editor-rows';
import type { ApiErrorCode } from '../http/api-request';

/** How long the loaded chunks must stay the same before their contexts are asked for (ms): scrolling past rows asks nothing. */
const SETTLE_MS = 300;

/** Failures that may pass: their chunks are asked again when rows load. */
const RETRIED: ReadonlySet<ApiErrorCode> = new Set(['NETWORK', 'SERVER_BUSY', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED']);

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

/** A number for each rows array seen: a chunk read again (after a publication, a decision) gets a new one. */
const readings = new WeakMap<object, number>();
let lastReading = 0;
function readingOf(rows: object): number {
  let reading = readings.get(rows);
  if (reading === undefined) readings.set(rows, (reading = ++lastReading));
  return reading;
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
  // The readings asked for, as `chunk:reading`.
  const asked = useRef(new Set<string>());
  const key = isEnabled
    ? [...chunks]
        .sort(([a], [b]) => a - b)
        .map(([chunk, rows]) => `${chunk}:${readingOf(rows)}`)
        .join(',')
    : '';
  useEffect(() => {
    if (key === '') return;
    const timer = setTimeout(() => {
      const pending = key.split(',').filter((reading) => !asked.current.has(reading));
      for (const reading of pending) asked.current.add(reading);
      const readingOfChunk = new Map(pending.map((reading) => [Number(reading.split(':')[0]), reading]));
      for (const run of chunkRuns([...readingOfChunk.keys()], MAX_CHECK_WINDOW_CHUNKS)) {
        void fetchCheckWindow({ workId, language, ...run }).then((result) => {
          if (!result.ok) {
            // The checks are a help: a failure leaves the contexts out (the checks that need none still run).
            if (RETRIED.has(result.error.code)) for (let chunk = run.chunk; chunk < run.chunk + run.count; chunk += 1) asked.current.delete(readingOfChunk.get(chunk) ?? '');
            return;
          }
          const { settings, lengthNorm, canDismiss, segments } = result.data;
          setState((current) => ({ settings, lengthNorm, canDismiss, segments: new Map([...current.segments, ...Object.entries(segments)]) }));
        });
      }
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [workId, language, key]);

  const setDismissals = useCallback((segmentId: string, dismissals: Dismissal[]) => {
    setState((current) => {
      const segment = current.segments.get(segmentId);
      if (!segment) return current;
      return { ...current, segments: new Map([...current.segments, [segmentId, { ...segment, dismissals }]]) };
    });
  }, []);
  return { ...state, setDismissals };
}
