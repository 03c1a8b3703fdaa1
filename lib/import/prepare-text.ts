import { runCleanup, type BlockMark, type CleanupRuleId, type FootnoteLink, type FootnoteNote, type SummaryValues } from '../cleanup';
import { contentsLineBreaks } from './contents-line-breaks';
import { liftFootnotes } from './lift-footnotes';
import { cleanupFormatOf, readUploadText } from './read-upload-text';
import { findWorkDate, proposeSplit, type PieceMetadata, type TextRange } from '../cleanup/split';
import { buildSegmentRows, type SegmentRow } from '../segment/build-segment-rows';
import { EMPHASIS_CLOSE, EMPHASIS_OPEN, type EmphasisSpan } from '../segment/emphasis';
import { footnoteMarker } from '../segment/footnote-key';
import type { PageMark } from '../segment/segmenter';
import { segmentDocument } from '../segment/segmenter';
import type { ImportFormat } from './decode/decode-text';
import type { DetectedEncodingName } from './decode/detect-encoding';
import { layoutMarker } from '../segment/segmenter/block-layout';

/** Which cleanup rules run on an import. */
export interface CleanupChoice {
  /** Run cleanup at all; by default on for plain text and web pages, off for Markdown (already structured). */
  isEnabled?: boolean;
  /** Switch single rules on or off; rules not named keep their default. */
  rules?: Partial<Record<CleanupRuleId, boolean>>;
}

/** What one cleanup rule did, for the import report. */
export interface CleanupReportLine {
  ruleId: CleanupRuleId;
  count: number;
  summary: string;
  /** The summary's figures, for the report in the interface's language. */
  summaryValues: SummaryValues;
}

export interface PreparedText {
  format: ImportFormat;
  encoding: DetectedEncodingName;
  rows: SegmentRow[];
  cleanup: CleanupReportLine[];
}

/** The texts of one upload after decoding and cleanup, before segmentation. */
interface CleanedUpload {
  format: ImportFormat;
  encoding: DetectedEncodingName;
  /** Cleaned text (the decoded text when cleanup is off). */
  text: string;
  pages: PageMark[];
  /** Footnote references linked to their notes by the cleanup (offsets into `text`), in the order of their markers… */
  footnotes: FootnoteLink[];
  /** Every note the cleanup found (linked or not), in text order, with the key that links it (unique in the upload). */
  notes: (FootnoteNote & { key: string })[];
  /** The key of the note whose text starts at an offset. */
  noteKeys: Map<number, string>;
  /** Quotations, list items and speaker turns found by the cleanup (offsets into `text`). */
  blocks: BlockMark[];
  /** Emphasis: a web page's or Word document's italics and letter-spaced words (offsets into `text`, sorted and apart). */
  emphasis: EmphasisSpan[];
  /** Hard-wrapped lines were joined: every remaining line break ends a paragraph. */
  isUnwrapped: boolean;
  segmentAs: 'txt' | 'md';
  cleanup: CleanupReportLine[];
}

/** Whether an upload of `format` is cleaned under `cleanup`: by default plain text and web pages are, Markdown (already structured) is not. */
export function isCleanupOn(cleanup: CleanupChoice, format: ImportFormat): boolean {
  return cleanup.isEnabled ?? format !== 'md';
}

function cleanUpload({ bytes, filename, cleanup = {}, extractedText }: { bytes: Uint8Array; filename: string; cleanup?: CleanupChoice; extractedText?: string }): CleanedUpload {
  // Web pages and Word documents become Markdown-like text (headings as `#`), segmented as Markdown.
  const { format, encoding, text, emphasis } = readUploadText({ bytes, filename, extractedText });
  const segmentAs = format === 'txt' ? 'txt' : 'md';
  if (!isCleanupOn(cleanup, format)) return { format, encoding, text, pages: [], footnotes: [], notes: [], noteKeys: new Map(), blocks: [], emphasis, isUnwrapped: false, segmentAs, cleanup: [] };
  const cleaned = runCleanup(text, { enabled: cleanup.rules, format: cleanupFormatOf(format), emphasis });
  // Keys unique in the upload: labels repeat (every asterisk note is `*`, articles number their notes from 1).
  const notes = [...cleaned.notes].sort((a, b) => a.start - b.start).map((note, index) => ({ ...note, key: `n${index + 1}` }));
  return {
    format,
    encoding,
    text: cleaned.text,
    pages: cleaned.pages,
    // Sorted (stably) so that each stretch of a volume finds its own by binary search.
    footnotes: [...cleaned.footnotes].sort((a, b) => a.markerOffset - b.markerOffset),
    notes,
    noteKeys: new Map(notes.map((note) => [note.offset, note.key])),
    blocks: cleaned.blocks,
    emphasis: cleaned.emphasis,
    isUnwrapped: cleaned.proposals.some((proposal) => proposal.ruleId === 'line-joins' && proposal.count > 0),
    segmentAs,
    cleanup: cleaned.proposals.map((proposal) => ({ ruleId: proposal.ruleId, count: proposal.count, summary: proposal.summary, summaryValues: proposal.summaryValues })),
  };
}

/**
 * Segments a stretch of cleaned text, its page anchors, footnotes, paragraph layouts and emphasis
 * carried in as inline markers.
 */
function segmentStretch(
  upload: CleanedUpload,
  language: string,
  start = 0,
  end = upload.text.length,
  titles: readonly string[] = [],
  { contents, omitted = [] }: { contents?: { start: number; end: number }; omitted?: readonly TextRange[] } = {},
): SegmentRow[] {
  const text = upload.text.slice(start, end);
  // Lines that are metadata, not text (an anthology piece's attribution, source and tags): what
  // the cleanup found on them goes with them, a page beginning on one begins after it.
  const isOmitted = (offset: number) => omitted.some((range) => offset >= range.start && offset < range.end);
  const pageOffset = (offset: number) => omitted.find((range) => offset >= range.start && offset < range.end)?.end ?? offset;
  // Everything below is sorted by offset: each stretch of a volume takes its own by binary search
  // (filtering everything for every work grew with works × layouts).
  const blocks = within(upload.blocks, (block) => block.start, start, end).filter((block) => !isOmitted(block.start));
  const edits: MarkerEdit[] = within(upload.pages, (page) => page.offset, start, end).map((page) => ({
    start: outsidePrefixes(pageOffset(page.offset), blocks) - start,
    end: outsidePrefixes(pageOffset(page.offset), blocks) - start,
    text: `[Page ${page.label}]`,
  }));
  for (const range of omitted) edits.push({ start: Math.max(range.start, start) - start, end: Math.min(range.end, end) - start, text: '' });
  // A reference becomes `[^label]` where the marker stood (with its note's key); each note's label
  // becomes a `[^label]: ` definition at the start of the note, on a line of its own so that each
  // note is a paragraph of its own even when the notes are not separated by blank lines, and the
  // line breaks inside a note are read as spaces (one note, whatever its lines). Both are lifted
  // out again below.
  const paragraphBreak = upload.isUnwrapped ? '\n' : '\n\n';
  for (const link of within(upload.footnotes, (l) => l.markerOffset, start, end)) {
    if (isOmitted(link.markerOffset)) continue;
    const key = upload.noteKeys.get(link.noteOffset);
    edits.push({ start: link.markerOffset - start, end: link.markerOffset - start, text: footnoteMarker(link.label, key) });
  }
  const notes = within(upload.notes, (note) => note.start, start, end).filter((note) => !isOmitted(note.start));
  for (const note of notes) {
    const noteStart = note.start - start;
    const noteEnd = Math.min(note.end, end) - start;
    const isLineStart = noteStart === 0 || text[noteStart - 1] === '\n';
    edits.push({ start: noteStart, end: note.offset - start, text: `${noteStart > 0 ? (isLineStart ? '\n' : paragraphBreak) : ''}${footnoteMarker(note.label, note.key)}: ` });
    for (let at = text.indexOf('\n', note.offset - start); at >= 0 && at < noteEnd; at = text.indexOf('\n', at + 1)) edits.push({ start: at, end: at + 1, text: ' ' });
    // Text on the note's last line after it (a note run on into the next page's text) begins a paragraph.
    if (noteEnd < text.length && text[noteEnd] !== '\n' && text.slice(noteEnd, text.indexOf('\n', noteEnd) < 0 ? text.length : text.indexOf('\n', noteEnd)).trim() !== '') {
      edits.push({ start: noteEnd, end: noteEnd, text: paragraphBreak });
    }
  }
  // A table of contents: one paragraph per entry, a page number left alone on its line joined to its entry.
  if (contents && contents.start < end && contents.end > start) {
    for (const edit of contentsLineBreaks(text, Math.max(contents.start, start) - start, Math.min(contents.end, end) - start)) edits.push(edit);
  }
  let noteIndex = 0;
  for (const block of blocks) {
    // A paragraph with a layout begins after a blank line, with a marker in place of its prefix
    // (speaker's name, list marker, indentation). A note (any of its lines) keeps its own label instead.
    const lineStart = block.start - start;
    while (noteIndex < notes.length && Math.max((notes[noteIndex] as FootnoteNote).end, (notes[noteIndex] as FootnoteNote).offset) < block.start) noteIndex += 1;
    const note = notes[noteIndex];
    if (note && block.start >= note.start && block.start <= Math.max(note.end, note.offset)) continue;
    const marker = layoutMarker({ style: block.style, speaker: block.speaker ?? null, marker: block.marker ?? null, depth: block.depth ?? 0 });
    edits.push({ start: lineStart, end: block.end - start, text: `${lineStart > 0 ? '\n\n' : ''}${marker}` });
  }
  for (const edit of emphasisEdits(upload.emphasis, start, end, edits)) edits.push(edit);
  const marked = applyMarkerEdits(text, edits);
  // Markers hold no line breaks (a definition only adds one before its line), so this keeps them
  // where they are; the segmenter separates paragraphs by blank lines.
  const paragraphs = upload.isUnwrapped ? marked.replace(/\n+/g, '\n\n') : marked;
  return liftFootnotes(buildSegmentRows(segmentDocument(paragraphs, { language, format: upload.segmentAs, titles })));
}

/**
 * From uploaded bytes to segment rows: decode (encoding detected), clean up OCR and web-page
 * noise with the chosen rules, then split into headings, paragraphs and sentences. Page anchors
 * found by the cleanup travel into the segmenter as inline markers, so each lands on the segment
 * where its page begins. Pure: the same bytes and choices always give the same rows.
 */
export function prepareText({ bytes, filename, language, cleanup, extractedText }: { bytes: Uint8Array; filename: string; language: string; cleanup?: CleanupChoice; /** Text a server-side reader took out of a binary format (.docx), Markdown-like. */ extractedText?: string }): PreparedText {
  const upload = cleanUpload({ bytes, filename, cleanup, extractedText });
  return { format: upload.format, encoding: upload.encoding, rows: segmentStretch(upload, language), cleanup: upload.cleanup };
}

/** One work of a volume, ready to store. */
export interface PreparedPart {
  title: string;
  kind: 'work' | 'front-matter' | 'back-matter';
  firstPage: string | null;
  /** The work's own date as printed at its head or foot, in the contents or in its attribution (null: none found). */
  dateText: string | null;
  /** A piece of an anthology: its author, source and tags, read from its attribution, byline, source and tags lines (not in `rows`). */
  metadata: PieceMetadata | null;
  rows: SegmentRow[];
}

/** A volume prepared as one work per item of its table of contents or per piece of an anthology (see {@link prepareVolume}). */
export type PreparedVolume = Omit<PreparedText, 'rows'> & { splitBy: 'contents' | 'anthology'; parts: PreparedPart[] };

/**
 * {@link prepareText} for a volume of several works: after cleanup, the table of contents gives
 * the works — or, without contents, the pieces of an anthology found by their structure
 * (lib/cleanup/split, `proposeSplit`) — and each is segmented on its own, with its pages. The parts
 * cover the whole text, front and back matter included, so nothing is lost; a piece's attribution,
 * source and tags lines become its metadata, not its text. Null when the text splits neither way.
 */
export function prepareVolume({ bytes, filename, language, cleanup, extractedText }: { bytes: Uint8Array; filename: string; language: string; cleanup?: CleanupChoice; extractedText?: string }): PreparedVolume | null {
  const upload = cleanUpload({ bytes, filename, cleanup, extractedText });
  const proposal = proposeSplit({ text: upload.text, pages: upload.pages });
  if (!proposal) return null;
  return {
    format: upload.format,
    encoding: upload.encoding,
    cleanup: upload.cleanup,
    splitBy: proposal.method,
    parts: proposal.works
      .map((work) => ({
        title: work.title,
        kind: work.kind,
        firstPage: work.firstPage,
        dateText:
          work.kind === 'work'
            ? (work.metadata?.dateText ?? findWorkDate(textWithout(upload.text, work.start, work.end, work.omitted ?? []), work.contentsIndex === null ? '' : proposal.contents[work.contentsIndex]?.title))
            : null,
        metadata: work.metadata ?? null,
        rows: segmentStretch(upload, language, work.start, work.end, [work.title], { contents: proposal.contentsRange, omitted: work.omitted }),
      }))
      .filter((part) => part.rows.some((row) => row.text !== null)),
  };
}

/** `text` from `start` to `end` without the omitted ranges in it (a piece's metadata lines). */
function textWithout(text: string, start: number, end: number, omitted: readonly TextRange[]): string {
  let cursor = start;
  let kept = '';
  for (const range of omitted) {
    kept += text.slice(cursor, Math.max(cursor, range.start));
    cursor = Math.max(cursor, range.end);
  }
  return kept + text.slice(cursor, end);
}

/** The items of `sorted` (ascending by `offsetOf`) whose offset lies in `[start, end)`. */
function within<T>(sorted: readonly T[], offsetOf: (item: T) => number, start: number, end: number): T[] {
  const first = lowerBound(sorted, offsetOf, start);
  return sorted.slice(first, lowerBound(sorted, offsetOf, end, first));
}

/** Index of the first item of `sorted` at or after `from` whose offset is not below `offset`. */
function lowerBound<T>(sorted: readonly T[], offsetOf: (item: T) => number, offset: number, from = 0): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsetOf(sorted[middle] as T) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * An offset moved out of a paragraph's prefix (a speaker's name, a list marker) to where its text
 * begins: a page that begins inside "Wells. " begins with the turn's first word.
 */
function outsidePrefixes(offset: number, blocks: readonly BlockMark[]): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const block = blocks[mid] as BlockMark;
    if (offset < block.start) hi = mid - 1;
    else if (offset >= block.end) lo = mid + 1;
    else return offset === block.start ? offset : block.end;
  }
  return offset;
}

interface MarkerEdit {
  start: number;
  end: number;
  text: string;
  /**
   * Among insertions at one offset: an emphasis that ends there closes first (-1), one that
   * begins there opens last (1), so a paragraph break or a layout marker inserted at that offset
   * never falls inside the emphasis around it.
   */
  rank?: -1 | 1;
}

/**
 * The emphasis of the stretch `[start, end)` as marker insertions (offsets into the stretch). An
 * edge that falls inside text other markers replace (a speaker's name, a list marker, a note's
 * number) moves out of it, to where the text goes on: so no insertion is ever dropped, and every
 * emphasis that opens closes.
 */
function emphasisEdits(emphasis: readonly EmphasisSpan[], start: number, end: number, others: readonly MarkerEdit[]): MarkerEdit[] {
  // Emphasis is sorted and apart, so its ends are sorted too: the first one after `start`.
  let first = 0;
  let last = emphasis.length;
  while (first < last) {
    const middle = (first + last) >> 1;
    if ((emphasis[middle] as EmphasisSpan).end <= start) first = middle + 1;
    else last = middle;
  }
  const replaced = others.filter((edit) => edit.end > edit.start).sort((a, b) => a.start - b.start);
  const edits: MarkerEdit[] = [];
  for (let index = first; index < emphasis.length; index += 1) {
    const span = emphasis[index] as EmphasisSpan;
    if (span.start >= end) break;
    const from = outsideReplaced(Math.max(span.start, start) - start, replaced, 'start');
    const to = outsideReplaced(Math.min(span.end, end) - start, replaced, 'end');
    if (to <= from) continue;
    edits.push({ start: from, end: from, text: EMPHASIS_OPEN, rank: 1 }, { start: to, end: to, text: EMPHASIS_CLOSE, rank: -1 });
  }
  return edits;
}

/**
 * An emphasis edge moved out of the replaced ranges (sorted, apart): a start at or inside one to
 * its end, an end inside or at the end of one to its start.
 */
function outsideReplaced(offset: number, replaced: readonly MarkerEdit[], edge: 'start' | 'end'): number {
  let low = 0;
  let high = replaced.length - 1;
  let found: MarkerEdit | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const edit = replaced[middle] as MarkerEdit;
    if (edit.start <= offset) {
      found = edit;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (!found) return offset;
  if (edge === 'start') return offset < found.end ? found.end : offset;
  return offset > found.start && offset <= found.end ? found.start : offset;
}

/** Applies marker insertions and replacements in one pass (overlapping ones are dropped). */
function applyMarkerEdits(text: string, edits: readonly MarkerEdit[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end || (a.rank ?? 0) - (b.rank ?? 0))) {
    if (edit.start < cursor) continue;
    parts.push(text.slice(cursor, edit.start), edit.text);
    cursor = Math.max(edit.start, Math.min(edit.end, text.length));
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}
