import type { SegmentRow } from './build-segment-rows';

/** A footnote reference inside a segment's text: the note's label and where the marker stood. */
export interface FootnoteRefMark {
  label: string;
  offset: number;
}

/** A reference: anywhere but at the start of a text, even right before a colon (`party[^1]: “We…`). */
const REFERENCE = /\[\^([^\]\s]+)\]/gu;
/** A definition starts its paragraph (or, when it did not become a note, its heading). */
const DEFINITION = /^\[\^([^\]\s]+)\]:\s*/u;

/**
 * Turns the footnote markers that travelled through segmentation into structure: a paragraph
 * that starts with a `[^label]:` definition becomes one FOOTNOTE row, and every `[^label]`
 * reference is taken out of the text and kept as data (label and character offset), so the text
 * reads clean and the reader can link both ways. Page anchors after a removed marker move with
 * the text. Pure.
 */
export function liftFootnotes(rows: readonly SegmentRow[]): SegmentRow[] {
  const lifted: SegmentRow[] = [];
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index] as SegmentRow;
    if (row.kind === 'PARAGRAPH') {
      const sentences: SegmentRow[] = [];
      const paragraphIndex = index;
      while (rows[index + 1]?.parentIndex === paragraphIndex) sentences.push(rows[(index += 1)] as SegmentRow);
      const definition = DEFINITION.exec(sentences[0]?.text ?? '');
      if (definition) {
        lifted.push(withoutReferences({ kind: 'FOOTNOTE', level: 0, label: definition[1] ?? null, text: joinSentences(sentences, definition[0].length), parentIndex: null, pages: mergedPages(sentences, definition[0].length) }));
        continue;
      }
      const parentIndex = lifted.length;
      lifted.push(row);
      for (const sentence of sentences) lifted.push(withoutReferences({ ...sentence, parentIndex }));
      continue;
    }
    lifted.push(row.text === null ? row : withoutReferences(row));
  }
  return lifted;
}

function joinSentences(sentences: readonly SegmentRow[], skip: number): string {
  return sentences.map((sentence, i) => (i === 0 ? (sentence.text ?? '').slice(skip) : (sentence.text ?? ''))).join(' ');
}

/** Pages of several sentences joined with single spaces, as offsets into the joined text. */
function mergedPages(sentences: readonly SegmentRow[], skip: number): SegmentRow['pages'] {
  const pages: SegmentRow['pages'] = [];
  let base = -skip;
  for (const sentence of sentences) {
    for (const page of sentence.pages) pages.push({ label: page.label, offset: Math.max(0, base + page.offset) });
    base += (sentence.text ?? '').length + 1;
  }
  return pages;
}

function withoutReferences(row: SegmentRow): SegmentRow {
  if (!row.text?.includes('[^')) return row;
  const refs: FootnoteRefMark[] = [];
  let pages = row.pages;
  let removed = 0;
  // A note definition that did not become a note (its line was read as a heading) keeps its
  // label as plain text rather than a stray marker.
  const text = row.text.replace(DEFINITION, (_marker: string, label: string) => `${label} `).replace(REFERENCE, (marker: string, label: string, at: number) => {
    const offset = at - removed;
    refs.push({ label, offset });
    pages = pages.map((page) => (page.offset > offset ? { ...page, offset: page.offset - marker.length } : page));
    removed += marker.length;
    return '';
  });
  return { ...row, text, pages, footnoteRefs: [...(row.footnoteRefs ?? []), ...refs] };
}
