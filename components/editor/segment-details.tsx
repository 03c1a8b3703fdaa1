'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef } from 'react';

import { SegmentDiscussion } from '../discussion/segment-discussion';
import { SegmentHistory } from '../review/segment-history';
import { StaleSource } from '../review/stale-source';
import { cn } from '../ui/cn';

export type SegmentDetailsTab = 'history' | 'source' | 'discussion';

export interface SegmentDetailsTarget {
  segmentId: string;
  chunk: number;
  /** The row's number as the editor shows it. */
  number: number;
  isStale: boolean;
  tab: SegmentDetailsTab;
}

export interface SegmentDetailsProps {
  target: SegmentDetailsTarget;
  workId: string;
  language: string;
  canRevert: boolean;
  canConfirm: boolean;
  canComment: boolean;
  canModerate: boolean;
  viewerId: string | null;
  onTab: (tab: SegmentDetailsTab) => void;
  onClose: () => void;
  /** A change made here (revert, confirmation) that the rows of `chunk` must show. */
  onChanged: (chunk: number) => void;
}

/**
 * A side panel beside the editor's rows about one segment: its revisions (with revert for
 * editors), its discussion and, for a stale translation, how the original changed since it was made.
 */
export function SegmentDetails({ target, workId, language, canRevert, canConfirm, canComment, canModerate, viewerId, onTab, onClose, onChanged }: SegmentDetailsProps) {
  const t = useTranslations('editor.segmentDetails');
  const headingId = useId();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, [target.segmentId]);
  // Escape closes the panel wherever the focus is (a button that did its work may have gone).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // A dialog open above the panel (a structural change) takes its own Escape.
      if (event.key === 'Escape' && !event.defaultPrevented && !document.querySelector('dialog[open]')) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const tabs: { id: SegmentDetailsTab; label: string }[] = [
    { id: 'history', label: t('history') },
    { id: 'discussion', label: t('discussion') },
    ...(target.isStale ? [{ id: 'source' as const, label: t('sourceChanged') }] : []),
  ];
  return (
    <aside
      ref={panel}
      tabIndex={-1}
      aria-labelledby={headingId}
      data-segment-details={target.segmentId}
      className="fixed inset-y-0 right-0 z-40 flex w-full max-w-md flex-col border-l border-line bg-paper shadow-xl focus:outline-none"
    >
      <div className="flex items-center justify-between border-b border-line px-4 py-3">
        <h2 id={headingId} className="font-medium">
          {t('heading', { number: target.number })}
        </h2>
        <button type="button" onClick={onClose} className="rounded px-2 py-1 text-sm text-muted hover:bg-stone-100 hover:text-ink" aria-label={t('closeLabel')}>
          {t('close')}
        </button>
      </div>
      <div role="tablist" aria-label={t('tabs')} className="flex gap-1 border-b border-line px-3">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={target.tab === tab.id}
            onClick={() => onTab(tab.id)}
            className={cn('-mb-px border-b-2 px-3 py-2 text-sm', target.tab === tab.id ? 'border-accent-600 font-medium' : 'border-transparent text-muted hover:text-ink')}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="min-h-0 flex-1 overflow-y-auto p-4">
        {target.tab === 'history' && <SegmentHistory key={`${target.segmentId}:${language}`} segmentId={target.segmentId} language={language} canRevert={canRevert} onReverted={() => onChanged(target.chunk)} />}
        {target.tab === 'discussion' && <SegmentDiscussion segmentId={target.segmentId} language={language} canComment={canComment} canModerate={canModerate} viewerId={viewerId} />}
        {target.tab === 'source' && <StaleSource key={target.segmentId} workId={workId} segmentId={target.segmentId} language={language} canConfirm={canConfirm} onConfirmed={() => onChanged(target.chunk)} />}
      </div>
    </aside>
  );
}
