'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type MouseEvent } from 'react';

import type { SegmentWindow } from '@/lib/reader/types';

import { CiteDialog, type CiteTarget } from './cite-dialog';
import { ParallelView } from './parallel-view';
import { ProseView } from './prose-view';
import { READER_COLUMN_CLASS } from './reader-column';
import type { ReaderViewOptions } from './reader-view-options';
import { ReportErrorDialog, type ReportTarget } from './report-error-dialog';
import { useSegmentWindows } from './use-segment-windows';
import { WindowEdge } from './window-edge';
import { cn } from '../ui/cn';

export interface SegmentReaderProps {
  workId: string;
  view: ReaderViewOptions;
  languageNames: Record<string, string>;
  initialWindow: SegmentWindow;
}

/**
 * The reading surface of all three modes: renders the loaded windows, loads more at either end,
 * scrolls to and highlights the `at` segment, copies permalinks on click and opens the "cite" and
 * "report an error" dialogs of a segment.
 */
export function SegmentReader({ workId, view, languageNames, initialWindow }: SegmentReaderProps) {
  const t = useTranslations('reader');
  const container = useRef<HTMLDivElement>(null);
  const { segmentWindow, edges, load, beforeSentinel, afterSentinel } = useSegmentWindows({ workId, languages: view.languages, initialWindow, container });
  const [notice, setNotice] = useState<string | null>(null);
  const [reportTarget, setReportTarget] = useState<ReportTarget | null>(null);
  const [citeTarget, setCiteTarget] = useState<CiteTarget | null>(null);

  useEffect(() => {
    if (view.at) document.getElementById(`s-${view.at}`)?.scrollIntoView({ block: 'center' });
  }, [view.at]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  const openReport = (button: HTMLButtonElement) => {
    const segmentId = button.dataset.reportSegment ?? '';
    const texts = segmentWindow.segments.find((segment) => segment.id === segmentId)?.texts ?? {};
    const languages = (button.dataset.reportLanguages ?? '').split(',').filter((language) => texts[language]);
    if (languages.length === 0) return;
    setReportTarget({ segmentId, languages, texts: Object.fromEntries(languages.map((language) => [language, texts[language]?.text ?? ''])) });
  };

  // One delegated handler for every permalink and report button; a modified click still opens the link.
  const handleClick = (event: MouseEvent<HTMLDivElement>) => {
    const reportButton = (event.target as Element).closest<HTMLButtonElement>('button[data-report-segment]');
    if (reportButton) return openReport(reportButton);
    const citeButton = (event.target as Element).closest<HTMLButtonElement>('button[data-cite-segment]');
    if (citeButton) return setCiteTarget({ workId, segmentId: citeButton.dataset.citeSegment, languages: (citeButton.dataset.citeLanguages ?? '').split(',').filter(Boolean) });
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-permalink]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const url = new URL(link.getAttribute('href') ?? '', window.location.origin).toString();
    const copy = navigator.clipboard?.writeText(url) ?? Promise.reject(new Error('No clipboard'));
    copy.then(
      () => setNotice(t('linkCopied')),
      () => setNotice(t('linkShown', { url })),
    );
  };

  const isParallel = view.mode === 'parallel';
  return (
    // Delegation: the click targets are links and buttons, which also receive Enter as a click.
    <div ref={container} onClick={handleClick} className={cn('mx-auto pb-8', READER_COLUMN_CLASS[view.mode])}>
      <WindowEdge direction="before" hasMore={segmentWindow.hasBefore} state={edges.before} sentinel={beforeSentinel} onLoad={() => load('before')} />
      {isParallel ? (
        <ParallelView segments={segmentWindow.segments} sourceLanguage={view.sourceLanguage} targetLanguage={view.targetLanguage} languageNames={languageNames} targetId={view.at} />
      ) : (
        <ProseView segments={segmentWindow.segments} language={view.mode === 'pages' ? view.sourceLanguage : view.language} sourceLanguage={view.sourceLanguage} isPaged={view.mode === 'pages'} targetId={view.at} />
      )}
      <WindowEdge direction="after" hasMore={segmentWindow.hasAfter} state={edges.after} sentinel={afterSentinel} onLoad={() => load('after')} />
      <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-4">
        {notice && <p className="max-w-full truncate rounded-full bg-ink px-4 py-2 font-sans text-sm text-white shadow-lg">{notice}</p>}
      </div>
      {citeTarget && <CiteDialog key={citeTarget.segmentId} target={citeTarget} languageNames={languageNames} onClose={() => setCiteTarget(null)} />}
      {reportTarget && <ReportErrorDialog key={reportTarget.segmentId} target={reportTarget} languageNames={languageNames} onClose={() => setReportTarget(null)} />}
    </div>
  );
}
