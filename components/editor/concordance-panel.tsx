'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';

import type { ConcordanceResults } from '@/lib/memory/types';

import { concordancePageHref, fetchConcordance, type ConcordanceRequest } from './concordance-api';
import { ConcordancePairItem } from '../concordance/concordance-pair';

type PanelState = { status: 'loading' } | { status: 'ready'; results: ConcordanceResults } | { status: 'error'; message: string };

export interface ConcordancePanelProps {
  request: ConcordanceRequest;
  /** Names of the two languages, computed on the server. */
  sourceName: string;
  targetName: string;
  onClose: () => void;
}

/**
 * A side panel beside the editor's rows with the concordance of the words selected: the pairs of
 * the work's language pair holding them on the side they were selected in (the original's or the
 * draft's language), the library's first, and a link to the full concordance page.
 */
export function ConcordancePanel({ request, sourceName, targetName, onClose }: ConcordancePanelProps) {
  const t = useTranslations('editor.concordancePanel');
  const headingId = useId();
  const panel = useRef<HTMLElement>(null);
  const { q, source, target, side } = request;
  const key = `${side}:${source}:${target}:${q}`;
  const [answer, setAnswer] = useState<{ key: string; state: PanelState } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    void fetchConcordance({ q, source, target, side, signal: controller.signal }).then((result) => {
      if (controller.signal.aborted) return;
      setAnswer({ key, state: result.ok ? { status: 'ready', results: result.data } : { status: 'error', message: result.error.message } });
    });
    return () => controller.abort();
  }, [key, q, source, target, side]);
  const state: PanelState = answer?.key === key ? answer.state : { status: 'loading' };

  useEffect(() => {
    panel.current?.focus({ preventScroll: true });
  }, [key]);
  // Escape closes the panel wherever the focus is, unless a dialog above it takes it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && !document.querySelector('dialog[open]')) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <aside
      ref={panel}
      tabIndex={-1}
      aria-labelledby={headingId}
      data-concordance-panel=""
      className="fixed inset-y-0 right-0 z-40 flex w-full max-w-md flex-col border-l border-line bg-paper shadow-xl focus:outline-none"
    >
      <div className="flex items-start justify-between gap-3 border-b border-line px-4 py-3">
        <div className="min-w-0">
          <h2 id={headingId} className="truncate font-medium">
            {t('heading', { q })}
          </h2>
          <p className="text-xs text-muted">{side === 'source' ? t('inOriginals', { language: sourceName }) : t('inTranslations', { language: targetName })}</p>
        </div>
        <button type="button" onClick={onClose} className="rounded px-2 py-1 text-sm text-muted hover:bg-stone-100 hover:text-ink" aria-label={t('closeLabel')}>
          {t('close')}
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-4" aria-live="polite" aria-busy={state.status === 'loading'}>
        {state.status === 'loading' && <p className="py-4 text-sm text-muted">{t('loading')}</p>}
        {state.status === 'error' && (
          <p role="alert" className="py-4 text-sm text-red-700">
            {state.message}
          </p>
        )}
        {state.status === 'ready' && state.results.pairs.length === 0 && <p className="py-4 text-sm text-muted">{t('nothingFound')}</p>}
        {state.status === 'ready' && state.results.pairs.length > 0 && (
          <ol>
            {state.results.pairs.map((pair) => (
              <ConcordancePairItem key={pair.provenance.origin === 'LIBRARY' ? pair.provenance.segmentId : pair.provenance.unitId} pair={pair} sourceLanguage={source} targetLanguage={target} isStacked opensInNewTab />
            ))}
          </ol>
        )}
      </div>
      <div className="border-t border-line px-4 py-3 text-sm">
        <Link href={concordancePageHref(request)} target="_blank" className="font-medium text-accent-700 underline-offset-2 hover:underline">
          {state.status === 'ready' && state.results.hasMore ? t('more') : t('open')}
        </Link>
      </div>
    </aside>
  );
}
