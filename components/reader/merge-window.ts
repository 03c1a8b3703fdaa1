import type { SegmentWindow } from '@/lib/reader/types';

export type WindowDirection = 'before' | 'after';

/**
 * Adds a loaded window before or after the rendered segments. When more than `maxSegments` would
 * be rendered, drops segments at the far end (they are loaded again when the reader returns), so
 * the page stays light however far one reads. Pure.
 */
export function mergeWindow(current: SegmentWindow, next: SegmentWindow, direction: WindowDirection, maxSegments: number): SegmentWindow {
  const known = new Set(current.segments.map((segment) => segment.id));
  const fresh = next.segments.filter((segment) => !known.has(segment.id));
  if (direction === 'after') {
    const segments = [...current.segments, ...fresh];
    const overflow = Math.max(segments.length - maxSegments, 0);
    return { segments: segments.slice(overflow), hasBefore: current.hasBefore || overflow > 0, hasAfter: next.hasAfter };
  }
  const segments = [...fresh, ...current.segments];
  const overflow = Math.max(segments.length - maxSegments, 0);
  return { segments: segments.slice(0, segments.length - overflow), hasBefore: next.hasBefore, hasAfter: current.hasAfter || overflow > 0 };
}
