import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

import { markerText } from '@/lib/checks/footnote-markers';
import type { ReaderSegment, ReaderText } from '@/lib/reader/types';

import { FootnoteRef } from './footnote-ref';

/**
 * A segment's text with its emphasis in italics (`<em>`), its footnote references as superscript
 * markers that open their note in place (in `languages`, see {@link FootnoteRef}), and the printed
 * pages that begin in it: "p. N" in the left margin on the line
 * where the page begins, and a thin mark at the exact character when that is inside the segment.
 * The margin note is absolutely positioned with no vertical offset, so it stays on its line, and
 * hangs left of its containing block (the paragraph or heading, which are positioned) into the
 * reading column's left gutter. An emphasis a mark falls inside is shown on both sides of it.
 * `markers` are footnote markers shown raised without their notes (the segment editor's source,
 * where the translator sees where to put them: ¹, *).
 */
export function TextWithPageMarks({
  text,
  pages,
  footnoteRefs = [],
  languages = [],
  emphasis = [],
  markers = [],
}: {
  text: string;
  pages: ReaderSegment['pages'];
  footnoteRefs?: ReaderSegment['footnoteRefs'];
  languages?: readonly string[];
  emphasis?: ReaderText['emphasis'];
  markers?: readonly { label: string; offset: number }[];
}) {
  const t = useTranslations('reader');
  if (pages.length === 0 && footnoteRefs.length === 0 && emphasis.length === 0 && markers.length === 0) return <>{text}</>;
  const marks = [...pages.map((page) => ({ offset: page.offset, page })), ...footnoteRefs.map((ref) => ({ offset: ref.offset, ref })), ...markers.map((marker) => ({ offset: marker.offset, marker }))].sort((a, b) => a.offset - b.offset);
  const parts: ReactNode[] = [];
  let cursor = 0;
  marks.forEach((mark, index) => {
    const offset = Math.min(Math.max(mark.offset, cursor), text.length);
    if (offset > cursor) parts.push(...withEmphasis(text, cursor, offset, emphasis));
    cursor = offset;
    if ('ref' in mark && mark.ref) {
      // A note may be in another work of the volume: it comes with the window, and its permalink finds it wherever it is.
      parts.push(<FootnoteRef key={`note-${mark.ref.label}-${index}`} label={mark.ref.label} footnoteId={mark.ref.footnoteId} note={mark.ref.note} languages={languages} />);
      return;
    }
    if ('marker' in mark && mark.marker) {
      parts.push(<FootnoteMarker key={`marker-${mark.marker.label}-${index}`} label={mark.marker.label} />);
      return;
    }
    const page = 'page' in mark ? mark.page : undefined;
    if (!page) return;
    parts.push(
      <span key={`${page.label}-${index}`} data-page={page.label}>
        <span className="absolute right-full mr-3 font-sans text-xs leading-[inherit] font-medium whitespace-nowrap text-accent-700 sm:mr-5">
          {t('pageMark', { label: page.label })}
        </span>
        {offset > 0 && <span aria-hidden="true" className="mx-0.5 inline-block h-[0.9em] w-px translate-y-[0.1em] bg-accent-500" />}
      </span>,
    );
  });
  parts.push(...withEmphasis(text, cursor, text.length, emphasis));
  return <>{parts}</>;
}

/** Where an original's footnote reference stands, shown raised for the translator: the marker the translation is to carry there. */
export function FootnoteMarker({ label }: { label: string }) {
  const t = useTranslations('reader');
  return (
    <sup data-footnote-marker={label} title={t('markerHint', { label, marker: markerText(label) })} className="px-px font-sans text-[0.7em] font-semibold text-accent-700">
      {markerText(label)}
    </sup>
  );
}

/** The text from `from` to `to`, its emphasised stretches as `<em>` (keys unique by offset). */
export function withEmphasis(text: string, from: number, to: number, emphasis: ReaderText['emphasis']): ReactNode[] {
  const nodes: ReactNode[] = [];
  let cursor = from;
  for (const span of emphasis) {
    const start = Math.max(span.start, cursor);
    const end = Math.min(span.end, to);
    if (end <= start) continue;
    if (start > cursor) nodes.push(text.slice(cursor, start));
    nodes.push(<em key={`em-${start}`}>{text.slice(start, end)}</em>);
    cursor = end;
  }
  if (to > cursor) nodes.push(text.slice(cursor, to));
  return nodes;
}
