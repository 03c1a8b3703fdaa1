'use client';

import { useEffect, useRef, useState } from 'react';

import { MAX_MARK_CHUNKS, type SuspectMark } from '@/lib/proofread/suspect-mark';

import { fetchSuspectMarks } from './proofread-api';

const NO_MARKS: ReadonlyMap<string, readonly SuspectMark[]> = new Map();

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
    for (let at = 0; at < pending.length; at += MAX_MARK_CHUNKS) {
      const run = pending.slice(at, at + MAX_MARK_CHUNKS);
      const first = run[0] ?? 0;
      const count = (run.at(-1) ?? first) - first + 1;
      // Chunks not consecutive are asked one request each.
      const requests = count <= MAX_MARK_CHUNKS && count === run.length ? [{ chunk: first, count }] : run.map((chunk) => ({ chunk, count: 1 }));
      for (const request of requests) {
        void fetchSuspectMarks({ workId, ...request }).then((result) => {
          // Marks are a help, not the text: a failure leaves the rows unmarked.
          if (!result.ok) return;
          const found = Object.entries(result.data);
          if (found.length > 0) setMarks((current) => new Map([...current, ...found]));
        });
      }
    }
  }, [workId, key]);
  return marks;
}
