'use client';

import { useEffect, useState } from 'react';

import type { MemoryMatch } from '@/lib/memory/types';

import { fetchMemoryMatches } from './memory-api';

export type MemoryState = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; matches: MemoryMatch[] } | { status: 'error'; message: string };

/**
 * The memory's matches for a segment while `isActive` (its draft has the focus): fetched when the
 * row becomes active, the request dropped when it is left; loading until the answer for this
 * segment and language is in.
 */
export function useMemoryMatches({ workId, segmentId, language, isActive }: { workId: string; segmentId: string; language: string | null; isActive: boolean }): MemoryState {
  const key = `${workId}:${segmentId}:${language ?? ''}`;
  const [answer, setAnswer] = useState<{ key: string; state: MemoryState } | null>(null);
  useEffect(() => {
    if (!isActive || language === null) return;
    const controller = new AbortController();
    void fetchMemoryMatches({ workId, segmentId, language, signal: controller.signal }).then((result) => {
      if (controller.signal.aborted) return;
      setAnswer({ key, state: result.ok ? { status: 'ready', matches: result.data.matches } : { status: 'error', message: result.error.message } });
    });
    return () => controller.abort();
  }, [key, workId, segmentId, language, isActive]);
  if (!isActive || language === null) return { status: 'idle' };
  return answer?.key === key ? answer.state : { status: 'loading' };
}
