import type { SegmentRow } from '../segment/build-segment-rows';
import { normalizeEmphasis, type EmphasisSpan } from '../segment/emphasis';
import { splitFootnoteLabel } from '../segment/footnote-key';

/** A footnote reference inside a segment's text: the note's label and where the marker stood. */
export interface FootnoteRefMark {
  label: string;
  offset: number;
  /** The key of the note it links to, when the label alone does not tell (labels repeat: `*`). */
  key?: string;
}


/**
 * A reference: anywhere but at the start of a text, even right before a colon (`party[^1]: “We…`).
 * A label holds no bracket or blank (as in split-sentences.ts): with `[` allowed, every "[^" of a
 * long "[^[^[^…" would scan to the end of the text for its `]`, quadratic time.
 */
const REFERENCE = /\[\^([^[\]\s]+)\]/gu;
/** A definition starts its paragraph (or, when it did not become a note, its heading). */
const DEFINITION = /^\[\^([^[\]\s]+)\]:\s*/u;

/**
 * Turns the footnote markers that travelled through segmentation into structure: a paragraph
 * that starts with a `[^label]:` definition becomes one FOOTNOTE row, and every `[^label]`
 * reference is taken out of the text and kept as data (label and character offset), so the text
 * reads clean and the reader can link both ways. Page anchors and emphasis after a removed
 * marker move with the text. Pure.
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
        const { label, key } = splitFootnoteLabel(definition[1] ?? '');
        const text = joinSentences(sentences, definition[0].length);
        const emphasis = normalizeEmphasis(text, mergedEmphasis(sentences, definition[0].length));
        lifted.push(withoutReferences({ kind: 'FOOTNOTE', level: 0, label, ...(key ? { noteKey: key } : {}), text, parentIndex: null, pages: mergedPages(sentences, definition[0].length), ...(emphasis.length > 0 ? { emphasis } : {}) }));
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

/** Emphasis of several sentences joined with single spaces, as offsets into the joined text. */
function mergedEmphasis(sentences: readonly SegmentRow[], skip: number): EmphasisSpan[] {
  const spans: EmphasisSpan[] = [];
  let base = -skip;
  for (const sentence of sentences) {
    for (const span of sentence.emphasis ?? []) spans.push({ start: Math.max(0, base + span.start), end: Math.max(0, base + span.end) });
    base += (sentence.text ?? '').length + 1;
  }
  return spans;
}

function withoutReferences(row: SegmentRow): SegmentRow {
  if (!row.text?.includes('[^')) return row;
  const source = row.text;
  const edits: TextChange[] = [];
  // A note definition that did not become a note (its line was read as a heading) keeps its
  // label as plain text rather than a stray marker.
  const definition = DEFINITION.exec(source);
  const bodyStart = definition ? definition[0].length : 0;
  if (definition) edits.push({ start: 0, end: bodyStart, replacement: `${splitFootnoteLabel(definition[1] ?? '').label} ` });
  const refs: FootnoteRefMark[] = [];
  let delta = edits[0] ? edits[0].replacement.length - bodyStart : 0;
  for (const match of source.slice(bodyStart).matchAll(REFERENCE)) {
    const start = bodyStart + match.index;
    const { label, key } = splitFootnoteLabel(match[1] ?? '');
    refs.push({ label, offset: start + delta, ...(key ? { key } : {}) });
    edits.push({ start, end: start + match[0].length, replacement: '' });
    delta -= match[0].length;
  }
  const text = applyChanges(source, edits);
  const move = offsetMover(edits);
  const pages = row.pages.map((page) => ({ ...page, offset: move(page.offset) }));
  const { emphasis, ...rest } = row;
  const moved = emphasis ? normalizeEmphasis(text, emphasis.map((span) => ({ start: move(span.start), end: move(span.end) }))) : [];
  return { ...rest, text, pages, footnoteRefs: [...(row.footnoteRefs ?? []), ...refs], ...(moved.length > 0 ? { emphasis: moved } : {}) };
}

/** One replacement in a row's text; changes are sorted and do not overlap. */
interface TextChange {
  start: number;
  end: number;
  replacement: string;
}

function applyChanges(text: string, changes: readonly TextChange[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const change of changes) {
    parts.push(text.slice(cursor, change.start), change.replacement);
    cursor = change.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/**
 * Maps offsets of the text before `changes` to the text after them: a page that begins after a
 * removed marker moves back with the text, one that began inside it lands where it stood. A binary
 * search per page: moving every page at every marker was quadratic in a text of many of both.
 */
function offsetMover(changes: readonly TextChange[]): (offset: number) => number {
  // Length change of the text before each change.
  const before: number[] = [];
  let delta = 0;
  for (const change of changes) {
    before.push(delta);
    delta += change.replacement.length - (change.end - change.start);
  }
  return (offset) => {
    let low = 0;
    let high = changes.length - 1;
    let last = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((changes[middle]?.start ?? 0) < offset) {
        last = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    const change = changes[last];
    if (!change) return offset;
    const shift = (before[last] ?? 0) + change.replacement.length;
    return offset >= change.end ? offset + shift - (change.end - change.start) : change.start + shift;
  };
}
