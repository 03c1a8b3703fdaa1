'use client';

import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode, type Ref } from 'react';

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

/** Narrow screens (phones): the list scrolls with the page instead of inside its own box. */
const PHONE_QUERY = '(width < 40rem)';

function subscribePhone(onChange: () => void): () => void {
  const query = window.matchMedia(PHONE_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the page is laid out for a phone (false on the server: the wide layout is rendered first). */
export function useIsPhoneLayout(): boolean {
  return useSyncExternalStore(
    subscribePhone,
    () => window.matchMedia(PHONE_QUERY).matches,
    () => false,
  );
}

/** How far the list is scrolled past its top, and how much of it the viewport can show. */
interface Scroller {
  scrollTop(): number;
  height(): number;
  scrollTo(top: number): void;
}

/** The list's own box scrolls (wide screens). */
function boxScroller(element: HTMLElement): Scroller {
  return {
    scrollTop: () => element.scrollTop,
    height: () => element.clientHeight,
    scrollTo: (top) => void (element.scrollTop = top),
  };
}

/** The page scrolls (phones): the list's offsets are measured from its own top in the document. */
function pageScroller(element: HTMLElement): Scroller {
  const scrollTop = () => -element.getBoundingClientRect().top;
  return {
    scrollTop,
    height: () => window.innerHeight,
    scrollTo: (top) => window.scrollBy(0, top - scrollTop()),
  };
}

/**
 * The row holding the focus, when it is on screen: the row kept in place when others change
 * height (a row the finger just left collapsing must not move the one just tapped).
 */
function focusedRowOnScreen(element: HTMLElement, scroller: Scroller, model: RowHeights): number | null {
  const row = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('[data-index]') : null;
  if (!row || !element.contains(row)) return null;
  const index = Number(row.dataset.index);
  if (!Number.isInteger(index) || index >= model.count) return null;
  const top = model.offsetOf(index) - scroller.scrollTop();
  return top + model.heightOf(index) > 0 && top < scroller.height() ? index : null;
}

/**
 * A vertical list that mounts only the rows near its viewport. Rows sit in normal flow inside one
 * block placed at the top of the first mounted row, so a row growing while someone types pushes
 * the next ones down without a frame of overlap. Heights are measured with a ResizeObserver; when
 * rows above the viewport change height (measured for the first time, or their estimates
 * replaced), the scroll position moves by the same amount, so what is on screen stays put; when a
 * row on screen holds the focus, it is the one kept in place. On a phone the page itself scrolls
 * (no box of its own trapped under the page's header): offsets are then read from the list's
 * place in the window.
 */
export function VirtualList({ heights, onMeasure, keyOf, renderRow, pinned, onRangeChange, overscan = 800, className, ref, ...aria }: VirtualListProps) {
  const container = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ scrollTop: 0, height: 800 });
  const heightsRef = useRef(heights);
  const onMeasureRef = useRef(onMeasure);
  const frame = useRef<number | null>(null);
  const isPhone = useIsPhoneLayout();
  const isPhoneRef = useRef(isPhone);
  const scrollerOf = useCallback((element: HTMLElement): Scroller => (isPhoneRef.current ? pageScroller(element) : boxScroller(element)), []);

  // A new height model (rows loaded, layout changed): keep the row at the top of the viewport where it was.
  useLayoutEffect(() => {
    const previous = heightsRef.current;
    heightsRef.current = heights;
    onMeasureRef.current = onMeasure;
    const element = container.current;
    if (!element || previous === heights || previous.count === 0) return;
    const scroller = scrollerOf(element);
    const scrollTop = scroller.scrollTop();
    const anchor = previous.indexAt(scrollTop);
    const within = scrollTop - previous.offsetOf(anchor);
    const target = heights.offsetOf(Math.min(anchor, Math.max(heights.count - 1, 0))) + within;
    if (Math.abs(target - scrollTop) >= 1) scroller.scrollTo(target);
  }, [heights, onMeasure, scrollerOf]);

  useLayoutEffect(() => {
    isPhoneRef.current = isPhone;
  }, [isPhone]);

  // The page scrolls on a phone: follow it (and the window's height) instead of the box's.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const sync = () => {
      const scroller = scrollerOf(element);
      setViewport({ scrollTop: scroller.scrollTop(), height: scroller.height() });
    };
    sync();
    if (!isPhone) return;
    const onScroll = () => {
      if (frame.current !== null) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = null;
        sync();
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [isPhone, scrollerOf]);

  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => {
    const resize = new ResizeObserver((entries) => {
      const element = container.current;
      const model = heightsRef.current;
      if (!element) return;
      const scroller = isPhoneRef.current ? pageScroller(element) : boxScroller(element);
      const scrollTop = scroller.scrollTop();
      const anchor = focusedRowOnScreen(element, scroller, model) ?? model.indexAt(scrollTop);
      const within = scrollTop - model.offsetOf(anchor);
      let isAboveAnchorChanged = false;
      for (const entry of entries) {
        const target = entry.target as HTMLElement;
        if (target === element) {
          setViewport((current) => ({ ...current, height: scroller.height() }));
          continue;
        }
        const index = Number(target.dataset.index);
        const height = entry.borderBoxSize[0]?.blockSize ?? target.offsetHeight;
        if (!Number.isInteger(index) || Math.abs(model.heightOf(index) - height) < 0.5) continue;
        if (index < anchor) isAboveAnchorChanged = true;
        onMeasureRef.current(index, height);
      }
      if (isAboveAnchorChanged) scroller.scrollTo(model.offsetOf(anchor) + within);
    });
    observer.current = resize;
    if (container.current) {
      resize.observe(container.current);
      // The rows of the first render (hydrated from the server's) mounted before the observer existed.
      for (const row of container.current.querySelectorAll<HTMLElement>('[data-index]')) resize.observe(row);
    }
    return () => resize.disconnect();
  }, []);

  const measureRef = useCallback((element: HTMLDivElement | null) => {
    if (!element) return;
    observer.current?.observe(element);
    return () => observer.current?.unobserve(element);
  }, []);

  const handleScroll = () => {
    if (frame.current !== null || isPhoneRef.current) return;
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
      const scroller = scrollerOf(element);
      // On a phone the editor's status strip stays over the top of the page: reveal below it.
      const target = scrollToReveal(heightsRef.current, index, { scrollTop: scroller.scrollTop(), viewportHeight: scroller.height(), margin: isPhoneRef.current ? 64 : 48 });
      if (target !== null) {
        scroller.scrollTo(target);
        setViewport({ scrollTop: scroller.scrollTop(), height: scroller.height() });
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
    <div ref={container} onScroll={handleScroll} className={cn('relative overflow-y-auto overscroll-y-contain [overflow-anchor:none] phone:overflow-visible phone:overscroll-auto', className)} {...aria}>
      <div style={{ height: heights.total(), position: 'relative' }}>
        <div style={{ position: 'absolute', top: heights.offsetOf(first), left: 0, right: 0 }}>{children}</div>
      </div>
    </div>
  );
}
