import { useTranslations } from 'next-intl';

import { cn } from '../ui/cn';

export interface ReportErrorButtonProps {
  segmentId: string;
  /** The languages whose text the reader sees for this segment, the one reported by default first. */
  languages: readonly string[];
  /** What the button is about, for its accessible name ("sentence", "heading", "passage"). */
  noun: string;
  className?: string;
}

/**
 * "Report an error" on a segment: a small flag shown, like the permalink, while the segment is
 * hovered or the button focused. The reader opens the report dialog on click (delegated, see
 * SegmentReader), so a window of hundreds of segments adds no handler per segment.
 */
export function ReportErrorButton({ segmentId, languages, noun, className }: ReportErrorButtonProps) {
  const t = useTranslations('reader');
  if (languages.length === 0) return null;
  return (
    <button
      type="button"
      data-report-segment={segmentId}
      data-report-languages={languages.join(',')}
      aria-label={t('reportError', { noun })}
      title={t('reportErrorTitle')}
      className={cn(
        'inline-flex size-5 items-center justify-center rounded-md font-sans text-muted opacity-0 transition-opacity select-none sm:size-6',
        'group-hover/seg:opacity-100 hover:bg-stone-100 hover:text-amber-800 focus-visible:opacity-100',
        className,
      )}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" className="size-3.5">
        <path d="M5 17V3.5" />
        <path d="M5 4h9l-2 3.5 2 3.5H5" />
      </svg>
    </button>
  );
}
