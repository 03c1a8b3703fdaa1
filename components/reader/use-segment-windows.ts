'use client';

import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, useState, type RefObject } from 'react';

import { READER_WINDOW_SEGMENTS } from '@/lib/config/limits';
import type { SegmentWindow } from '@/lib/reader/types';

import { fetchSegmentWindow } from './fetch-segment-window';
import { mergeWindow, type WindowDirection } from './merge-window';

/** Most segments kept in the page; beyond it the far end is dropped and reloaded on demand. */
const MAX_RENDERED_SEGMENTS = READER_WINDOW_SEGMENTS * 3;
/** How far ahead of the viewport the next window starts loading. */
const PRELOAD_MARGIN = '1200px 0px';

export type EdgeState = { status: 'idle' } | { status: 'loading' } | { status: 'error'; message: string };

export interface SegmentWindows {
  segmentWindow: SegmentWindow;
  edges: Record<WindowDirection, EdgeState>;
  load: (direction: WindowDirection) => void;
  beforeSentinel: RefObject<HTMLDivElement | null>;
  afterSentinel: RefObject<HTMLDivElement | null>;
}

/**
 * The rendered windows of a work: starts from the server-rendered window and loads more before or
 * after when a sentinel comes within {@link PRELOAD_MARGIN} of the viewport (or on demand). Adding
 * or dropping content above the viewport keeps the first visible segment where it was on screen.
 */
export function useSegmentWindows({ workId, languages, initialWindow, container }: {
  workId: string;
  languages: readonly string[];
  initialWindow: SegmentWindow;
  container: RefObject<HTMLElement | null>;
}): SegmentWindows {
  const [segmentWindow, setSegmentWindow] = useState(initialWindow);
  const [edges, setEdges] = useState<Record<WindowDirection, EdgeState>>({ before: { status: 'idle' }, after: { status: 'idle' } });
  const windowRef = useRef(segmentWindow);
  const inFlight = useRef<Record<WindowDirection, boolean>>({ before: false, after: false });
  const scrollAnchor = useRef<{ id: string; top: number } | null>(null);
  const beforeSentinel = useRef<HTMLDivElement | null>(null);
  const afterSentinel = useRef<HTMLDivElement | null>(null);
  const languageKey = languages.join(',');

  useLayoutEffect(() => {
    windowRef.current = segmentWindow;
    const anchor = scrollAnchor.current;
    scrollAnchor.current = null;
    const element = anchor ? document.getElementById(anchor.id) : null;
    if (anchor && element) window.scrollBy(0, element.getBoundingClientRect().top - anchor.top);
  }, [segmentWindow]);

  const load = useCallback(
    async (direction: WindowDirection) => {
      const current = windowRef.current;
      const edge = direction === 'before' ? current.segments[0] : current.segments.at(-1);
      const hasMore = direction === 'before' ? current.hasBefore : current.hasAfter;
      if (!edge || !hasMore || inFlight.current[direction]) return;
      inFlight.current[direction] = true;
      setEdges((previous) => ({ ...previous, [direction]: { status: 'loading' } }));
      const result = await fetchSegmentWindow({ workId, languages: languageKey.split(','), direction, orderKey: edge.orderKey });
      inFlight.current[direction] = false;
      if (!result.ok) {
        const { message } = result.error;
        setEdges((previous) => ({ ...previous, [direction]: { status: 'error', message } }));
        return;
      }
      scrollAnchor.current = captureScrollAnchor(container.current);
      setSegmentWindow((previous) => mergeWindow(previous, result.data, direction, MAX_RENDERED_SEGMENTS));
      setEdges((previous) => ({ ...previous, [direction]: { status: 'idle' } }));
    },
    [workId, languageKey, container],
  );

  const handleIntersect = useEffectEvent((direction: WindowDirection) => {
    if (edges[direction].status === 'idle') void load(direction);
  });

  // Re-observed after every change: a sentinel still in range after a load fires again at once.
  useEffect(() => {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) handleIntersect(entry.target === beforeSentinel.current ? 'before' : 'after');
        }
      },
      { rootMargin: PRELOAD_MARGIN },
    );
    if (beforeSentinel.current) observer.observe(beforeSentinel.current);
    if (afterSentinel.current) observer.observe(afterSentinel.current);
    return () => observer.disconnect();
  }, [segmentWindow]);

  return { segmentWindow, edges, load: (direction) => void load(direction), beforeSentinel, afterSentinel };
}

/** The first segment at least partly on screen, with its position, to keep it in place. */
function captureScrollAnchor(root: HTMLElement | null): { id: string; top: number } | null {
  if (!root) return null;
  for (const element of root.querySelectorAll<HTMLElement>('[data-segment]')) {
    const rect = element.getBoundingClientRect();
    if (rect.bottom > 0 && element.id) return { id: element.id, top: rect.top };
  }
  return null;
}
