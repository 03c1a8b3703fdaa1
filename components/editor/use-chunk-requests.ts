'use client';

import { useEffect, useRef } from 'react';

import { chunkRuns } from './use-editor-rows';
import type { ApiErrorCode, ApiResult } from '../http/api-request';

/** Failures that may pass: their chunks are asked again when rows load. */
const RETRIED: ReadonlySet<ApiErrorCode> = new Set(['NETWORK', 'SERVER_BUSY', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED']);

/** A number for each rows array seen: a chunk read again (after a publication, a decision) gets a new one. */
const readings = new WeakMap<object, number>();
let lastReading = 0;
function readingOf(rows: object): number {
  let reading = readings.get(rows);
  if (reading === undefined) readings.set(rows, (reading = ++lastReading));
  return reading;
}

export interface ChunkRequests<T> {
  /** The editor's loaded chunks and their rows (use-editor-rows.ts): a chunk whose rows are read again is asked again. */
  chunks: ReadonlyMap<number, object>;
  /** False: nothing is asked (the help does not apply to this editor). */
  isEnabled: boolean;
  /** Most chunks one request covers. */
  maxChunks: number;
  /** How long the loaded chunks must stay the same before they are asked for (ms): scrolling past rows asks nothing. */
  settleMs?: number;
  /** What the asking depends on besides the chunks (the work, the language): a change asks every chunk again. */
  scope: string;
  /** Asks for a run of chunks. */
  request: (run: { chunk: number; count: number }) => Promise<ApiResult<T>>;
  /** Takes an answer in. */
  onData: (data: T) => void;
}

/**
 * What the editor shows beside its rows and reads per chunk (glossary terms, suspect words, the
 * quality checks' context): asked once per reading of each loaded chunk, a few chunks a request,
 * never per keystroke. A failure leaves the help out; a passing one (no network, the server busy)
 * is asked again when rows load, while one that cannot succeed is not asked again and again.
 */
export function useChunkRequests<T>({ chunks, isEnabled, maxChunks, settleMs = 0, scope, request, onData }: ChunkRequests<T>): void {
  // The readings asked for, as `scope:chunk:reading`.
  const asked = useRef(new Set<string>());
  const latest = useRef({ request, onData });
  useEffect(() => {
    latest.current = { request, onData };
  });
  const key = isEnabled
    ? [...chunks]
        .sort(([a], [b]) => a - b)
        .map(([chunk, rows]) => `${scope}:${chunk}:${readingOf(rows)}`)
        .join(',')
    : '';
  useEffect(() => {
    if (key === '') return;
    const ask = () => {
      const pending = key.split(',').filter((reading) => !asked.current.has(reading));
      for (const reading of pending) asked.current.add(reading);
      const readingOfChunk = new Map(pending.map((reading) => [Number(reading.split(':').at(-2)), reading]));
      for (const run of chunkRuns([...readingOfChunk.keys()], maxChunks)) {
        void latest.current.request(run).then((result) => {
          if (result.ok) return latest.current.onData(result.data);
          if (RETRIED.has(result.error.code)) for (let chunk = run.chunk; chunk < run.chunk + run.count; chunk += 1) asked.current.delete(readingOfChunk.get(chunk) ?? '');
        });
      }
    };
    if (settleMs === 0) return ask();
    const timer = setTimeout(ask, settleMs);
    return () => clearTimeout(timer);
  }, [key, maxChunks, settleMs]);
}
