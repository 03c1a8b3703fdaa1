'use client';

import { useEffect, useRef, useState } from 'react';

import { MAX_EDITOR_CHUNKS_PER_REQUEST } from '@/lib/editor/schemas';
import type { SegmentGlossaryHits } from '@/lib/glossary/types';

import { fetchGlossaryHits } from './glossary-api';
import { chunkRuns } from './use-editor-rows';
import type { ApiErrorCode } from '../http/api-request';

const NO_HITS: ReadonlyMap<string, SegmentGlossaryHits> = new Map();

/** Failures that may pass: their chunks are asked again when more rows load. */
const RETRIED: ReadonlySet<ApiErrorCode> = new Set(['NETWORK', 'SERVER_BUSY', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED']);

/**
 * The glossary terms in the originals of the editor's loaded chunks, by segment: asked once per
 * chunk as its rows load (a few chunks a request, never per keystroke). Each segment's hits come
 * with the text they were found in; a row whose original changed since shows no marks rather
 * than marks in the wrong places. `isEnabled` is false when correcting the original.
 */
export function useGlossaryHits({ workId, language, chunks, isEnabled }: { workId: string; language: string; chunks: Iterable<number>; isEnabled: boolean }): ReadonlyMap<string, SegmentGlossaryHits> {
  const [hits, setHits] = useState(NO_HITS);
  const asked = useRef(new Set<number>());
  const key = isEnabled ? [...chunks].sort((a, b) => a - b).join(',') : '';
  useEffect(() => {
    if (key === '') return;
    const pending = key.split(',').map(Number).filter((chunk) => !asked.current.has(chunk));
    for (const chunk of pending) asked.current.add(chunk);
    for (const run of chunkRuns(pending, MAX_EDITOR_CHUNKS_PER_REQUEST)) {
      void fetchGlossaryHits({ workId, language, ...run }).then((result) => {
        if (!result.ok) {
          // The marks are a help, not the text: a failure leaves the rows unmarked.
          if (RETRIED.has(result.error.code)) for (let chunk = run.chunk; chunk < run.chunk + run.count; chunk += 1) asked.current.delete(chunk);
          return;
        }
        const found = Object.entries(result.data);
        if (found.length > 0) setHits((current) => new Map([...current, ...found]));
      });
    }
  }, [workId, language, key]);
  return hits;
}
