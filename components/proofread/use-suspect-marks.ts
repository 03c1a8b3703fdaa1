'use client';

import { useCallback, useState } from 'react';

import { MAX_EDITOR_CHUNKS_PER_REQUEST } from '@/lib/editor/schemas';
import type { SuspectMark } from '@/lib/proofread/suspect-mark';

import { fetchSuspectMarks } from './proofread-api';
import { useChunkRequests } from '../editor/use-chunk-requests';

const NO_MARKS: ReadonlyMap<string, readonly SuspectMark[]> = new Map();

/**
 * The suspect words of the segments of the editor's loaded chunks, by segment: asked once per
 * reading of a chunk as its rows load (never per keystroke; the server keeps a work's findings
 * until its published texts change). `isEnabled` is false except when correcting the original
 * with the right to edit.
 */
export function useSuspectMarks({ workId, chunks, isEnabled }: { workId: string; chunks: ReadonlyMap<number, object>; isEnabled: boolean }): ReadonlyMap<string, readonly SuspectMark[]> {
  const [marks, setMarks] = useState(NO_MARKS);
  useChunkRequests({
    chunks,
    isEnabled,
    maxChunks: MAX_EDITOR_CHUNKS_PER_REQUEST,
    scope: workId,
    request: useCallback((run: { chunk: number; count: number }) => fetchSuspectMarks({ workId, ...run }), [workId]),
    onData: useCallback((data: Record<string, SuspectMark[]>) => {
      const found = Object.entries(data);
      if (found.length > 0) setMarks((current) => new Map([...current, ...found]));
    }, []),
  });
  return marks;
}
