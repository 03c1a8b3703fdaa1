import { useTranslations } from 'next-intl';

import { cn } from '../ui/cn';

export interface CiteButtonProps {
  segmentId: string;
  /** Languages the passage can be cited in, the one shown first (none: the original). */
  languages: readonly string[];
  /** What the button is about, for its accessible name ("sentence", "heading", "passage"). */
  noun: string;
  className?: string;
}

/**
 * "Cite" on a segment: a small quotation mark shown, like the permalink, while the segment is
 * hovered or the button focused, on screens wide enough for a third icon in the margin. The reader
 * opens the citation dialog on click (delegated, see SegmentReader).
 */
export function CiteButton({ segmentId, languages, noun, className }: CiteButtonProps) {
  const t = useTranslations('reader');
  return (
    <button
      type="button"
      data-cite-segment={segmentId}
      data-cite-languages={languages.join(',')}
      aria-label={t('cite', { noun })}
      title={t('citeTitle')}
      className={cn(
        // Phones have no room for a third icon in the margin: there the toolbar's "Cite" cites the work.
        'hidden size-5 items-center justify-center rounded-md font-sans text-muted opacity-0 transition-opacity select-none sm:inline-flex sm:size-6',
        'group-hover/seg:opacity-100 hover:bg-stone-100 hover:text-accent-700 focus-visible:opacity-100',
        className,
      )}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-3.5">
        <path d="M4 11.5C4 8 5.8 5.6 8.6 4.5l.6 1.2C7.6 6.6 6.8 7.8 6.7 9.3H8.5V15H4v-3.5Zm7.5 0c0-3.5 1.8-5.9 4.6-7l.6 1.2c-1.6.9-2.4 2.1-2.5 3.6H16V15h-4.5v-3.5Z" />
      </svg>
    </button>
  );
}
