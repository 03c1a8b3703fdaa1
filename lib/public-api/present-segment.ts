import type { ApiSegment } from './schemas';
import type { ReaderSegment } from '../reader/types';

/** A segment of the reader's window as the public API shows it (lower-case names, notes by id). */
export function presentSegment(workId: string, segment: ReaderSegment): ApiSegment {
  return {
    id: segment.id,
    workId,
    kind: segment.kind.toLowerCase() as ApiSegment['kind'],
    level: segment.level,
    label: segment.label,
    order: segment.orderKey,
    parentId: segment.parentId,
    layout: {
      style: segment.layout.style.toLowerCase() as ApiSegment['layout']['style'],
      speaker: segment.layout.speaker,
      marker: segment.layout.marker,
      depth: segment.layout.depth,
    },
    pages: segment.pages,
    footnoteRefs: segment.footnoteRefs.map((ref) => ({ label: ref.label, offset: ref.offset, noteId: ref.footnoteId })),
    texts: Object.fromEntries(
      Object.entries(segment.texts).map(([language, text]) => [language, { text: text.text, continuesPrevious: text.continuesPrevious, alignScore: text.alignScore, emphasis: text.emphasis.map(({ start, end }): [number, number] => [start, end]) }]),
    ),
  };
}
