'use client';

import { useCallback, useState } from 'react';

import { MAX_EDITOR_CHUNKS_PER_REQUEST } from '@/lib/editor/schemas';
import type { SegmentGlossaryHits } from '@/lib/glossary/types';

import { fetchGlossaryHits } from './glossary-api';
import { useChunkRequests } from './use-chunk-requests';

const NO_HITS: ReadonlyMap<string, SegmentGlossaryHits> = new Map();

/**
 * The glossary terms in the originals of the editor's loaded chunks, by segment: asked once per
 * reading of a chunk as its rows load (a few chunks a request, never per keystroke). Each
 * segment's hits come with the text they were found in; a row whose original changed since shows
 * no marks rather than marks in the wrong places. `isEnabled` is false when correcting the original.
 */
export function useGlossaryHits({ workId, language, chunks, isEnabled }: { workId: string; language: string; chunks: ReadonlyMap<number, object>; isEnabled: boolean }): ReadonlyMap<string, SegmentGlossaryHits> {
  const [hits, setHits] = useState(NO_HITS);
  useChunkRequests({
    chunks,
    isEnabled,
    maxChunks: MAX_EDITOR_CHUNKS_PER_REQUEST,
    scope: `${workId}/${language}`,
    request: useCallback((run: { chunk: number; count: number }) => fetchGlossaryHits({ workId, language, ...run }), [workId, language]),
    onData: useCallback((data: Record<string, SegmentGlossaryHits>) => {
      const found = Object.entries(data);
      if (found.length > 0) setHits((current) => new Map([...current, ...found]));
    }, []),
  });
  return hits;
}
