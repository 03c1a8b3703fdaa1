import type { EmphasisSpan } from './emphasis';
import { splitFootnoteLabel } from './footnote-key';
import type { PageMark, SegmentedBlock } from './segmenter';
import type { BlockStyleName } from './segmenter/block-layout';

/** One row to insert, in reading order. Paragraph rows carry no text; their sentences point at them. */
export interface SegmentRow {
  kind: 'HEADING' | 'PARAGRAPH' | 'SENTENCE' | 'FOOTNOTE';
  /** A heading's level (1 = top), a list item's depth of nesting (0: not nested), else 0. */
  level: number;
  /** A footnote's label, or the marker of a list item's PARAGRAPH ("1.", "a)", "•"). */
  label: string | null;
  /** Layout of a PARAGRAPH row (absent: PROSE). */
  style?: BlockStyleName;
  /** Who speaks in a SPEAKER_TURN paragraph. */
  speaker?: string | null;
  text: string | null;
  /** Index (in the same array) of the paragraph row a sentence belongs to. */
  parentIndex: number | null;
  pages: PageMark[];
  /** A FOOTNOTE's key, unique in its upload, when its label is not (every asterisk note is `*`). */
  noteKey?: string;
  /** Footnote references in the text (label, offset and the key of their note when it has one), once markers are lifted out of it. */
  footnoteRefs?: { label: string; offset: number; key?: string }[];
  /** Emphasised stretches of the text (sorted and apart), when it has any. */
  emphasis?: EmphasisSpan[];
}

/** Flattens segmented blocks into rows in reading order. Pure. */
export function buildSegmentRows(blocks: readonly SegmentedBlock[]): SegmentRow[] {
  const rows: SegmentRow[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') {
      rows.push({ kind: 'HEADING', level: block.level, label: null, text: block.text, parentIndex: null, pages: block.pages, ...emphasisOf(block) });
    } else if (block.kind === 'footnote') {
      const { label, key } = splitFootnoteLabel(block.label);
      rows.push({ kind: 'FOOTNOTE', level: 0, label, ...(key ? { noteKey: key } : {}), text: block.text, parentIndex: null, pages: block.pages, ...emphasisOf(block) });
    } else {
      if (block.sentences.length === 0) continue;
      const parentIndex = rows.length;
      const layout = block.layout;
      rows.push(
        layout
          ? { kind: 'PARAGRAPH', level: layout.style === 'LIST_ITEM' ? layout.depth : 0, label: layout.marker, style: layout.style, speaker: layout.speaker, text: null, parentIndex: null, pages: [] }
          : { kind: 'PARAGRAPH', level: 0, label: null, text: null, parentIndex: null, pages: [] },
      );
      for (const sentence of block.sentences) {
        rows.push({ kind: 'SENTENCE', level: 0, label: null, text: sentence.text, parentIndex, pages: sentence.pages, ...emphasisOf(sentence) });
      }
    }
  }
  return rows;
}

function emphasisOf(element: { emphasis?: EmphasisSpan[] }): { emphasis?: EmphasisSpan[] } {
  return element.emphasis && element.emphasis.length > 0 ? { emphasis: element.emphasis } : {};
}

/** Segment counts by kind, as the import summary reports them. */
export function countByKind(rows: readonly SegmentRow[]): Record<'heading' | 'paragraph' | 'sentence' | 'footnote', number> {
  const counts = { heading: 0, paragraph: 0, sentence: 0, footnote: 0 };
  for (const row of rows) counts[row.kind.toLowerCase() as keyof typeof counts] += 1;
  return counts;
}
