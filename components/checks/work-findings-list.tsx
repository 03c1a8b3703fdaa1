'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import type { SegmentFindings } from '@/lib/checks/find-work-findings';

import { FindingList } from './finding-list';

/**
 * A work's segments with what the quality checks find in their published translation: the
 * segment's number (a link into the editor at it), its original and translation, and the
 * findings, which editors dismiss or restore (the page is read again after each).
 */
export function WorkFindingsList({ workId, language, segments, canDismiss }: { workId: string; language: string; segments: readonly SegmentFindings[]; canDismiss: boolean }) {
  const router = useRouter();
  const t = useTranslations('checks.list');
  if (segments.length === 0) return <p className="text-sm text-muted">{t('nothingFound')}</p>;
  return (
    <ol className="divide-y divide-line rounded-md border border-line">
      {segments.map((segment) => (
        <li key={segment.segmentId} data-segment-findings={segment.segmentId} className="space-y-2 p-3">
          <div className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[3rem_minmax(0,1fr)_minmax(0,1fr)]">
            <Link href={`/works/${workId}/edit?lang=${encodeURIComponent(language)}&segment=${segment.segmentId}`} className="text-xs text-accent-700 tabular-nums hover:underline" title={t('openInEditor')}>
              {segment.number}
            </Link>
            <p className="font-serif text-ink-soft">{segment.source}</p>
            <p lang={language} className="font-serif">
              {segment.target}
            </p>
          </div>
          <FindingList segmentId={segment.segmentId} language={language} findings={segment.findings} canDismiss={canDismiss} onDismissed={() => router.refresh()} onRestored={() => router.refresh()} className="sm:ml-16" />
        </li>
      ))}
    </ol>
  );
}
