'use client';

import { useEffect, useRef, useState } from 'react';

import { MAX_EDITOR_CHUNKS_PER_REQUEST } from '@/lib/editor/schemas';
import type { SuspectMark } from '@/lib/proofread/suspect-mark';

import { fetchSuspectMarks } from './proofread-api';
import { chunkRuns } from '../editor/use-editor-rows';
import type { ApiErrorCode } from '../http/api-request';


const NO_MARKS: ReadonlyMap<string, readonly SuspectMark[]> = new Map();

/** Failures that may pass: their chunks are asked again. */
const RETRIED: ReadonlySet<ApiErrorCode> = new Set(['NETWORK', 'SERVER_BUSY', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED']);

/**
 * The suspect words of the segments of the editor's loaded chunks, by segment: asked once per
 * chunk as its rows load (never per keystroke; the server keeps a work's findings until its
 * published texts change). `isEnabled` is false except when correcting the original with the
 * right to edit.
 */
export function useSuspectMarks({ workId, chunks, isEnabled }: { workId: string; chunks: Iterable<number>; isEnabled: boolean }): ReadonlyMap<string, readonly SuspectMark[]> {
  const [marks, setMarks] = useState(NO_MARKS);
  const asked = useRef(new Set<number>());
  // The loaded chunks, as a value that changes only when one is added.
  const key = isEnabled ? [...chunks].sort((a, b) => a - b).join(',') : '';
  useEffect(() => {
    if (key === '') return;
    const pending = key.split(',').map(Number).filter((chunk) => !asked.current.has(chunk));
    for (const chunk of pending) asked.current.add(chunk);
    for (const run of chunkRuns(pending, MAX_EDITOR_CHUNKS_PER_REQUEST)) {
      void fetchSuspectMarks({ workId, ...run }).then((result) => {
        if (!result.ok) {
          // Marks are a help, not the text: a failure leaves the rows unmarked. Only a passing one
          // (no network, the checker busy) is asked again when more rows load: a check that cannot
          // succeed (too long for its time limit) is not run again and again for every scroll.
          if (RETRIED.has(result.error.code)) for (let chunk = run.chunk; chunk < run.chunk + run.count; chunk += 1) asked.current.delete(chunk);
          return;
        }
        const found = Object.entries(result.data);
        if (found.length > 0) setMarks((current) => new Map([...current, ...found]));
      });
    }
  }, [workId, key]);
  return marks;
}
