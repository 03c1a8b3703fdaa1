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
  const marked = withPageMarkers(cleaned.text, cleaned.pages);
  // Once hard-wrapped lines are joined, every remaining line break ends a paragraph; the
  // segmenter separates paragraphs by blank lines. (Markers hold no line breaks.)
  const isUnwrapped = cleaned.proposals.some((proposal) => proposal.ruleId === 'line-joins' && proposal.count > 0);
  const paragraphs = isUnwrapped ? marked.replace(/\n+/g, '\n\n') : marked;
  return {
    format,
    encoding,
    rows: buildSegmentRows(segmentDocument(paragraphs, { language, format: segmentAs })),
    cleanup: cleaned.proposals.map((proposal) => ({ ruleId: proposal.ruleId, count: proposal.count, summary: proposal.summary })),
  };
}

/** Puts `[Page N]` markers back at the page offsets, in one pass over the text. */
function withPageMarkers(text: string, pages: readonly PageMark[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const page of [...pages].sort((a, b) => a.offset - b.offset)) {
    const offset = Math.max(cursor, Math.min(page.offset, text.length));
    parts.push(text.slice(cursor, offset), `[Page ${page.label}]`);
    cursor = offset;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}
