'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';

import { concordanceQueryFor } from '@/lib/memory/concordance-query';

import type { ConcordanceRequest } from './concordance-api';
import { ConcordancePanel } from './concordance-panel';
import { ariaKeysOf, isConcordanceKey } from './keyboard-shortcuts';

/** Words selected in a row: in the original (`source`, a `[data-source-text]` cell) or in a draft (`target`). */
interface SelectedText {
  text: string;
  side: ConcordanceRequest['side'];
  /** Where the button goes (viewport pixels from the top and the right): above the selection's (or the draft's) top right corner. */
  top: number;
  right: number;
}

export interface ConcordanceLookupProps {
  sourceLanguage: string;
  targetLanguage: string;
  sourceName: string;
  targetName: string;
}

/**
 * The editor's concordance: selecting words in an original or in a draft shows a "Concordance"
 * button above them (and Alt+Shift+C does the same), which opens a side panel with the pairs of
 * the work's language pair holding them on that side. Watches the document's selection, so the
 * rows need nothing but a `data-source-text` mark on the original's cell.
 */
export function ConcordanceLookup({ sourceLanguage, targetLanguage, sourceName, targetName }: ConcordanceLookupProps) {
  const t = useTranslations('editor.concordanceLookup');
  const [selected, setSelected] = useState<SelectedText | null>(null);
  const [request, setRequest] = useState<ConcordanceRequest | null>(null);
  /** Where the focus goes back to when the panel closes (the draft the words were selected in). */
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setSelected(readSelection()));
    };
    // A textarea's selection fires `select` (and, in most browsers, `selectionchange`); scrolling moves the button.
    document.addEventListener('selectionchange', update);
    document.addEventListener('select', update, true);
    window.addEventListener('scroll', update, { capture: true, passive: true });
    window.addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', update);
      document.removeEventListener('select', update, true);
      window.removeEventListener('scroll', update, { capture: true });
      window.removeEventListener('resize', update);
    };
  }, []);

  const open = useCallback(
    (selection: SelectedText) => {
      const q = concordanceQueryFor(selection.text);
      if (q === null) return;
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setRequest({ q, source: sourceLanguage, target: targetLanguage, side: selection.side });
    },
    [sourceLanguage, targetLanguage],
  );

  // Alt+Shift+C with words selected, wherever the focus is; without a selection the key types what it types.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || !isConcordanceKey(event)) return;
      const selection = readSelection();
      if (!selection) return;
      event.preventDefault();
      open(selection);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const close = useCallback(() => {
    setRequest(null);
    returnTo.current?.focus({ preventScroll: true });
  }, []);

  return (
    <>
      {selected && (
        <button
          type="button"
          data-concordance-button=""
          aria-keyshortcuts={ariaKeysOf('concordance')}
          // Keeps the selection (and the draft's focus) while the button is pressed.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => open(selected)}
          style={{ top: Math.max(4, selected.top - 34), right: Math.max(4, selected.right) }}
          className="fixed z-30 rounded-md border border-line-strong bg-surface px-2 py-1 text-xs font-medium text-accent-700 shadow-md hover:bg-accent-50"
        >
          {t('button')} <kbd data-keyboard-hint="" className="font-sans text-muted">{ariaKeysOf('concordance')}</kbd>
        </button>
      )}
      {request && <ConcordancePanel request={request} sourceName={sourceName} targetName={targetName} onClose={close} />}
    </>
  );
}

/** The words selected in a draft (the focused textarea) or across originals' cells, or null. */
function readSelection(): SelectedText | null {
  const active = document.activeElement;
  if (active instanceof HTMLTextAreaElement) {
    if (active.dataset.draft === undefined || active.selectionEnd <= active.selectionStart) return null;
    const box = active.getBoundingClientRect();
    return withText(active.value.slice(active.selectionStart, active.selectionEnd), 'target', box);
  }
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const inOriginal = (node: Node | null) => !!(node instanceof Element ? node : node?.parentElement)?.closest('[data-source-text]');
  if (!inOriginal(selection.anchorNode) || !inOriginal(selection.focusNode)) return null;
  return withText(selection.toString(), 'source', selection.getRangeAt(0).getBoundingClientRect());
}

function withText(text: string, side: SelectedText['side'], box: DOMRect): SelectedText | null {
  return concordanceQueryFor(text) === null ? null : { text, side, top: box.top, right: window.innerWidth - box.right };
}
