import { runCleanup, type CleanupRuleId } from '../cleanup';
import { buildSegmentRows, type SegmentRow } from './build-segment-rows';
import type { PageMark } from '../segment/segmenter';
import { segmentDocument } from '../segment/segmenter';
import { decodeUpload, formatFromFilename, type ImportFormat } from './decode/decode-text';
import type { DetectedEncodingName } from './decode/detect-encoding';
import { htmlToText } from './parse/html-to-text';

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
}

export interface PreparedText {
  format: ImportFormat;
  encoding: DetectedEncodingName;
  rows: SegmentRow[];
  cleanup: CleanupReportLine[];
}

/**
 * From uploaded bytes to segment rows: decode (encoding detected), clean up OCR and web-page
 * noise with the chosen rules, then split into headings, paragraphs and sentences. Page anchors
 * found by the cleanup travel into the segmenter as inline markers, so each lands on the segment
 * where its page begins. Pure: the same bytes and choices always give the same rows.
 */
export function prepareText({ bytes, filename, language, cleanup = {}, extractedText }: { bytes: Uint8Array; filename: string; language: string; cleanup?: CleanupChoice; /** Text a server-side reader took out of a binary format (.docx), Markdown-like. */ extractedText?: string }): PreparedText {
  const format = formatFromFilename(filename);
  if (format === 'docx' && extractedText === undefined) throw new Error('A .docx file needs its extracted text (lib/import/parse/docx-to-text.ts).');
  const decoded = extractedText === undefined ? decodeUpload(bytes) : { text: extractedText, encoding: 'utf-8' as const };
  const { encoding } = decoded;
  // Web pages and Word documents become Markdown-like text (headings as `#`), segmented as Markdown.
  const text = format === 'html' ? htmlToText(decoded.text) : decoded.text;
  const segmentAs = format === 'txt' ? 'txt' : 'md';
  const isCleaned = cleanup.isEnabled ?? format !== 'md';
  if (!isCleaned) return { format, encoding, rows: buildSegmentRows(segmentDocument(text, { language, format: segmentAs })), cleanup: [] };
  const cleaned = runCleanup(text, { enabled: cleanup.rules, format: format === 'docx' ? 'md' : format });
  // Once hard-wrapped lines are joined, every remaining line break ends a paragraph; the
  // segmenter separates paragraphs by blank lines.
  const isUnwrapped = cleaned.proposals.some((proposal) => proposal.ruleId === 'line-joins' && proposal.count > 0);
  const paragraphs = isUnwrapped ? cleaned.text.replace(/\n+/g, '\n\n') : cleaned.text;
  const marked = withPageMarkers(paragraphs, shiftedPages(cleaned.text, paragraphs, cleaned.pages));
  return {
    format,
    encoding,
    rows: buildSegmentRows(segmentDocument(marked, { language, format: segmentAs })),
    cleanup: cleaned.proposals.map((proposal) => ({ ruleId: proposal.ruleId, count: proposal.count, summary: proposal.summary })),
  };
}

/** Page offsets in `before` carried over to `after`, which differs only by added newlines. */
function shiftedPages(before: string, after: string, pages: readonly PageMark[]): PageMark[] {
  if (before === after) return [...pages];
  // Map by counting characters that are not newlines: the only change is more newlines.
  const positions: number[] = [];
  for (let i = 0; i < after.length; i += 1) if (after[i] !== '\n') positions.push(i);
  const result: PageMark[] = [];
  let seen = 0;
  let index = 0;
  const sorted = [...pages].sort((a, b) => a.offset - b.offset);
  for (let i = 0; i <= before.length && index < sorted.length; i += 1) {
    while (index < sorted.length && (sorted[index]?.offset ?? 0) === i) {
      const page = sorted[index] as PageMark;
      result.push({ label: page.label, offset: seen < positions.length ? (positions[seen] as number) : after.length });
      index += 1;
    }
    if (before[i] !== '\n') seen += 1;
  }
  return result;
}

/** Puts `[Page N]` markers back at the page offsets (from the end, so earlier offsets stay valid). */
function withPageMarkers(text: string, pages: readonly PageMark[]): string {
  let result = text;
  for (const page of [...pages].sort((a, b) => b.offset - a.offset)) {
    const offset = Math.max(0, Math.min(page.offset, result.length));
    result = `${result.slice(0, offset)}[Page ${page.label}]${result.slice(offset)}`;
  }
  return result;
}
