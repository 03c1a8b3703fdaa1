'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

import { MAX_EDITOR_CHUNKS_PER_REQUEST } from '@/lib/editor/schemas';
import type { EditorChunk, EditorRow } from '@/lib/editor/types';

import { fetchEditorRows } from './editor-rows-api';

const RETRY_AFTER_MS = 5_000;
/** Least time between two reloads of one chunk's rows for drafts based on unknown revisions (ms). */
const REFRESH_INTERVAL_MS = 2_000;

/** Consecutive runs of chunk numbers, each at most `max` long: one request per run. */
export function chunkRuns(chunks: readonly number[], max: number): { chunk: number; count: number }[] {
  const runs: { chunk: number; count: number }[] = [];
  for (const chunk of [...new Set(chunks)].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && last.chunk + last.count === chunk && last.count < max) last.count += 1;
    else runs.push({ chunk, count: 1 });
  }
  return runs;
}

/** Readings of the rows this browser tab has shown (see `EditorPage.readId`). */
const shownReadings = new Set<string>();

/**
 * The published rows of the editor, loaded chunk by chunk as the viewport approaches them.
 * `sizes` starts as the server's count per chunk and follows the rows actually loaded (segments
 * split or merged since the page opened).
 */
export function useEditorRows({ workId, language, initialChunks, chunkSizes, readId }: { workId: string; language: string; initialChunks: EditorChunk[]; chunkSizes: number[]; readId: string }) {
  const [chunks, setChunks] = useState<ReadonlyMap<number, EditorRow[]>>(() => new Map(initialChunks.map((entry) => [entry.chunk, entry.rows])));
  const [sizes, setSizes] = useState<number[]>(() => {
    const next = [...chunkSizes];
    for (const entry of initialChunks) next[entry.chunk] = entry.rows.length;
    return next;
  });
  const [error, setError] = useState<string | null>(null);
  const loaded = useRef(new Set(initialChunks.map((entry) => entry.chunk)));
  const loading = useRef(new Set<number>());
  const failedAt = useRef(new Map<number, number>());
  const refreshed = useRef(new Set<string>());
  const refreshedAt = useRef(new Map<number, number>());
  /** Reloads scheduled for reasons that came while a chunk was loading or had just been reloaded. */
  const pending = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const load = useCallback(
    (wanted: readonly number[]) => {
      for (const run of chunkRuns(wanted, MAX_EDITOR_CHUNKS_PER_REQUEST)) {
        const range = Array.from({ length: run.count }, (_, i) => run.chunk + i);
        for (const chunk of range) loading.current.add(chunk);
        void fetchEditorRows({ workId, language, chunk: run.chunk, count: run.count }).then((response) => {
          for (const chunk of range) loading.current.delete(chunk);
          if (!response.ok) {
            const now = Date.now();
            // Retried after a pause, when the chunk is wanted again.
            for (const chunk of range) failedAt.current.set(chunk, now);
            setError(response.error.message);
            return;
          }
          const result = response.data;
          for (const entry of result) {
            loaded.current.add(entry.chunk);
            failedAt.current.delete(entry.chunk);
          }
          setChunks((current) => new Map([...current, ...result.map((entry): [number, EditorRow[]] => [entry.chunk, entry.rows])]));
          setSizes((current) => {
            if (result.every((entry) => current[entry.chunk] === entry.rows.length)) return current;
            const next = [...current];
            for (const entry of result) if (entry.chunk < next.length || entry.rows.length > 0) next[entry.chunk] = entry.rows.length;
            return Array.from(next, (size) => size ?? 0);
          });
          setError(null);
        });
      }
    },
    [workId, language],
  );

  /** Loads the chunks among `wanted` that are neither loaded nor loading (failed ones again after a pause). */
  const ensure = useCallback(
    (wanted: readonly number[]) => {
      const now = Date.now();
      const missing = wanted.filter((chunk) => !loaded.current.has(chunk) && !loading.current.has(chunk) && now - (failedAt.current.get(chunk) ?? 0) > RETRY_AFTER_MS);
      if (missing.length > 0) load(missing);
    },
    [load],
  );

  /**
   * Reloads a chunk whose published texts may be older than its document says (a draft's base is a
   * revision these rows do not know, or a draft waiting for review lost its done mark), once per
   * reason and at most every 2 seconds: a reason arriving sooner gets one reload when the interval is over.
   */
  const refresh = useCallback(
    (chunk: number, reason: string) => {
      if (refreshed.current.has(reason)) return;
      const wait = (refreshedAt.current.get(chunk) ?? 0) + REFRESH_INTERVAL_MS - Date.now();
      // Every stale draft of a chunk asks; one reload answers them all. A reason that comes too
      // soon after the last reload is answered by one more, later: its row asks only once.
      if (loading.current.has(chunk) || wait > 0) {
        if (!pending.current.has(chunk)) {
          pending.current.set(
            chunk,
            setTimeout(() => {
              pending.current.delete(chunk);
              refreshedAt.current.set(chunk, Date.now());
              load([chunk]);
            }, Math.max(wait, REFRESH_INTERVAL_MS / 4)),
          );
        }
        refreshed.current.add(reason);
        return;
      }
      refreshed.current.add(reason);
      refreshedAt.current.set(chunk, Date.now());
      load([chunk]);
    },
    [load],
  );
  useEffect(() => {
    const timers = pending.current;
    return () => timers.forEach((timer) => clearTimeout(timer));
  }, []);

  /** Reloads chunks now, after a change made from this page (a revert, a confirmation, a suggestion). */
  const reload = useCallback((...wanted: number[]) => load(wanted), [load]);

  // Shown again from the browser's history: the rows are as they were then (a suggestion made or
  // decided since would be missing), so they are read again.
  const initial = useRef(initialChunks.map((entry) => entry.chunk));
  useEffect(() => {
    if (shownReadings.has(readId)) load(initial.current);
    else shownReadings.add(readId);
  }, [readId, load]);

  return { chunks, sizes, error, ensure, refresh, reload };
}
