'use client';

import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from 'react';

import { scrollToReveal, visibleRange, type RowHeights } from './row-heights';
import { cn } from '../ui/cn';

export interface VirtualListHandle {
  /** Scrolls as little as needed for row `index` to be in view. */
  reveal(index: number): void;
}

export interface VirtualListProps {
  heights: RowHeights;
  /** Records a row's measured height (the owner rebuilds nothing; it re-renders). */
  onMeasure: (index: number, height: number) => void;
  /** Stable key of a row (its segment id once known), so a row keeps its DOM while the list moves. */
  keyOf: (index: number) => string;
  renderRow: (index: number) => ReactNode;
  /** A row kept mounted wherever it is (the one being edited: unmounting it would drop focus and any IME composition). */
  pinned: number | null;
  onRangeChange?: (range: { start: number; end: number }) => void;
  /** Pixels of rows mounted above and below the viewport. */
  overscan?: number;
  className?: string;
  ref?: Ref<VirtualListHandle>;
  'aria-label'?: string;
}

/**
 * A vertical list that mounts only the rows near its viewport. Rows sit in normal flow inside one
 * block placed at the top of the first mounted row, so a row growing while someone types pushes
 * the next ones down without a frame of overlap. Heights are measured with a ResizeObserver; when
 * rows above the viewport change height (measured for the first time, or their estimates
 * replaced), the scroll position moves by the same amount, so what is on screen stays put.
 */
export function VirtualList({ heights, onMeasure, keyOf, renderRow, pinned, onRangeChange, overscan = 800, className, ref, ...aria }: VirtualListProps) {
  const container = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ scrollTop: 0, height: 800 });
  const heightsRef = useRef(heights);
  const onMeasureRef = useRef(onMeasure);
  const frame = useRef<number | null>(null);

  // A new height model (rows loaded, layout changed): keep the row at the top of the viewport where it was.
  useLayoutEffect(() => {
    const previous = heightsRef.current;
    heightsRef.current = heights;
    onMeasureRef.current = onMeasure;
    const element = container.current;
    if (!element || previous === heights || previous.count === 0) return;
    const anchor = previous.indexAt(element.scrollTop);
    const within = element.scrollTop - previous.offsetOf(anchor);
    const target = heights.offsetOf(Math.min(anchor, Math.max(heights.count - 1, 0))) + within;
    if (Math.abs(target - element.scrollTop) >= 1) element.scrollTop = target;
  }, [heights, onMeasure]);

  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => {
    const resize = new ResizeObserver((entries) => {
      const element = container.current;
      const model = heightsRef.current;
      if (!element) return;
      const anchor = model.indexAt(element.scrollTop);
      const within = element.scrollTop - model.offsetOf(anchor);
      let isAboveAnchorChanged = false;
      for (const entry of entries) {
        const target = entry.target as HTMLElement;
        if (target === element) {
          setViewport((current) => ({ ...current, height: element.clientHeight }));
          continue;
        }
        const index = Number(target.dataset.index);
        const height = entry.borderBoxSize[0]?.blockSize ?? target.offsetHeight;
        if (!Number.isInteger(index) || Math.abs(model.heightOf(index) - height) < 0.5) continue;
        if (index < anchor) isAboveAnchorChanged = true;
        onMeasureRef.current(index, height);
      }
      if (isAboveAnchorChanged) element.scrollTop = model.offsetOf(anchor) + within;
    });
    observer.current = resize;
    if (container.current) resize.observe(container.current);
    return () => resize.disconnect();
  }, []);

  const measureRef = useCallback((element: HTMLDivElement | null) => {
    if (!element) return;
    observer.current?.observe(element);
    return () => observer.current?.unobserve(element);
  }, []);

  const handleScroll = () => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const element = container.current;
      if (element) setViewport({ scrollTop: element.scrollTop, height: element.clientHeight });
    });
  };
  useEffect(() => () => void (frame.current !== null && cancelAnimationFrame(frame.current)), []);

  useImperativeHandle(ref, () => ({
    reveal(index: number) {
      const element = container.current;
      if (!element) return;
      const target = scrollToReveal(heightsRef.current, index, { scrollTop: element.scrollTop, viewportHeight: element.clientHeight, margin: 48 });
      if (target !== null) {
        element.scrollTop = target;
        setViewport({ scrollTop: element.scrollTop, height: element.clientHeight });
      }
    },
  }));

  const range = visibleRange(heights, { scrollTop: viewport.scrollTop, viewportHeight: viewport.height, overscan });
  const { start, end } = range;
  useEffect(() => onRangeChange?.({ start, end }), [onRangeChange, start, end]);

  const indices: number[] = [];
  if (pinned !== null && pinned < start) indices.push(pinned);
  for (let index = start; index < end; index += 1) indices.push(index);
  if (pinned !== null && pinned >= end && pinned < heights.count) indices.push(pinned);
  const first = indices[0] ?? 0;

  const children: ReactNode[] = [];
  indices.forEach((index, position) => {
    const previous = indices[position - 1];
    if (previous !== undefined && index > previous + 1) {
      // The pinned row is far from the window: a spacer keeps it at its place in the flow.
      children.push(<div key="gap" aria-hidden="true" style={{ height: heights.offsetOf(index) - heights.offsetOf(previous + 1) }} />);
    }
    children.push(
      <div key={keyOf(index)} data-index={index} ref={measureRef}>
        {renderRow(index)}
      </div>,
    );
  });

  return (
    <div ref={container} onScroll={handleScroll} className={cn('relative overflow-y-auto overscroll-y-contain [overflow-anchor:none]', className)} {...aria}>
      <div style={{ height: heights.total(), position: 'relative' }}>
        <div style={{ position: 'absolute', top: heights.offsetOf(first), left: 0, right: 0 }}>{children}</div>
      </div>
    </div>
  );
}
