'use client';

import { useEffect } from 'react';

/** Space kept between the draft and the keyboard or the status strip (px). */
const MARGIN = 8;

/**
 * On a phone, keeps the segment being edited above the soft keyboard: when the visual viewport
 * shrinks (the keyboard opens) or the focus moves to another draft, the page scrolls as little as
 * needed for the row's original and its draft to show between the editor's status strip and the
 * keyboard — or, for a row taller than that, for the draft itself. Browsers scroll a focused field
 * into the layout viewport only, which the keyboard may still cover.
 */
export function useDraftAboveKeyboard(): void {
  useEffect(() => {
    const visual = window.visualViewport;
    if (!visual) return;
    const phone = window.matchMedia('(width < 40rem)');
    let frame: number | null = null;
    const keepInView = () => {
      frame = null;
      const draft = document.activeElement;
      if (!phone.matches || !(draft instanceof HTMLTextAreaElement) || draft.dataset.draft === undefined) return;
      const row = draft.closest<HTMLElement>('[data-segment-row]') ?? draft;
      const strip = document.querySelector('[data-editor-toolbar]')?.getBoundingClientRect().bottom ?? 0;
      // The part of the page one sees, in the coordinates of getBoundingClientRect.
      const top = Math.max(visual.offsetTop, strip) + MARGIN;
      const bottom = visual.offsetTop + visual.height - MARGIN;
      const field = draft.getBoundingClientRect();
      const rowTop = row.getBoundingClientRect().top;
      // The original and the draft together if they fit, else the draft, else the draft's end (where one types).
      const [from, to] = field.bottom - rowTop <= bottom - top ? [rowTop, field.bottom] : field.height <= bottom - top ? [field.top, field.bottom] : [field.bottom - (bottom - top), field.bottom];
      const delta = to > bottom ? to - bottom : from < top ? from - top : 0;
      if (Math.abs(delta) >= 1) window.scrollBy(0, delta);
    };
    // Two frames later: after the rows that changed height on the focus change were measured and
    // the list kept the focused row in place (components/editor/virtual-list.tsx).
    const schedule = () => {
      if (frame === null) frame = requestAnimationFrame(() => void (frame = requestAnimationFrame(keepInView)));
    };
    visual.addEventListener('resize', schedule);
    document.addEventListener('focusin', schedule);
    return () => {
      visual.removeEventListener('resize', schedule);
      document.removeEventListener('focusin', schedule);
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, []);
}
