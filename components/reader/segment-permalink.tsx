import { useTranslations } from 'next-intl';

import { segmentPermalink } from './reader-href';
import { cn } from '../ui/cn';

export interface SegmentPermalinkProps {
  segmentId: string;
  /** What the link points at, for its accessible name ("sentence", "heading", "passage"). */
  noun: string;
  className?: string;
}

/**
 * The permalink of a segment: a small link icon shown while its segment is hovered or the link is
 * focused. The reader copies the address on click (delegated, see SegmentReader); with a modifier
 * key or without JavaScript it is an ordinary link.
 */
export function SegmentPermalink({ segmentId, noun, className }: SegmentPermalinkProps) {
  const t = useTranslations('reader');
  return (
    <a
      href={segmentPermalink(segmentId)}
      data-permalink={segmentId}
      aria-label={t('copyLink', { noun })}
      title={t('copyLinkTitle')}
      className={cn(
        'inline-flex size-5 items-center sm:size-6 justify-center rounded-md font-sans text-muted opacity-0 transition-opacity select-none',
        'group-hover/seg:opacity-100 hover:bg-stone-100 hover:text-accent-700 focus-visible:opacity-100',
        className,
      )}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" className="size-3.5">
        <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5L10 5" />
        <path d="M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1" />
      </svg>
    </a>
  );
}
