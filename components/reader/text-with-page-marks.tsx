import type { ReactNode } from 'react';

import type { ReaderSegment } from '@/lib/reader/types';

/**
 * A segment's text with the printed pages that begin in it: "p. N" in the left margin on the line
 * where the page begins, and a thin mark at the exact character when that is inside the segment.
 * The margin note is absolutely positioned with no vertical offset, so it stays on its line, and
 * hangs left of its containing block (the paragraph or heading, which are positioned) into the
 * reading column's left gutter.
 */
export function TextWithPageMarks({ text, pages }: { text: string; pages: ReaderSegment['pages'] }) {
  if (pages.length === 0) return <>{text}</>;
  const sorted = [...pages].sort((a, b) => a.offset - b.offset);
  const parts: ReactNode[] = [];
  let cursor = 0;
  sorted.forEach((page, index) => {
    const offset = Math.min(Math.max(page.offset, cursor), text.length);
    if (offset > cursor) parts.push(text.slice(cursor, offset));
    parts.push(
      <span key={`${page.label}-${index}`} data-page={page.label}>
        <span className="absolute right-full mr-3 font-sans text-xs leading-[inherit] font-medium whitespace-nowrap text-accent-700 sm:mr-5">
          p. {page.label}
        </span>
        {offset > 0 && <span aria-hidden="true" className="mx-0.5 inline-block h-[0.9em] w-px translate-y-[0.1em] bg-accent-500" />}
      </span>,
    );
    cursor = offset;
  });
  parts.push(text.slice(cursor));
  return <>{parts}</>;
}
