import type { CleanupFormat } from '../cleanup';
import { decodeUpload, formatFromFilename, type ImportFormat } from './decode/decode-text';
import type { DetectedEncodingName } from './decode/detect-encoding';
import { htmlToText } from './parse/html-to-text';
import { removeLayoutMarkerChars } from '../segment/segmenter/block-layout';

/** An upload as the cleanup reads it. */
export interface UploadText {
  format: ImportFormat;
  encoding: DetectedEncodingName;
  /** The text the cleanup rules run on (web pages and Word documents as Markdown-like text). */
  text: string;
}

/**
 * How the cleanup rules read a format: a Word document's text is Markdown-like (headings, `> `
 * quotations, list lines), so it is read as Markdown.
 */
export function cleanupFormatOf(format: ImportFormat): CleanupFormat {
  return format === 'docx' ? 'md' : format;
}

/**
 * The text of an upload as the cleanup rules receive it, the same for the import and its preview:
 * decoded (encoding detected), a web page reduced to its article as Markdown-like text, and any
 * character the segmenter reserves for its own markers removed. A Word document needs the text a
 * server-side reader took out of it (`extractedText`, lib/import/parse/extract-text.ts). Pure.
 * Throws what {@link decodeUpload} and {@link formatFromFilename} throw.
 */
export function readUploadText({ bytes, filename, extractedText }: { bytes: Uint8Array; filename: string; extractedText?: string }): UploadText {
  const format = formatFromFilename(filename);
  if (format === 'docx' && extractedText === undefined) throw new Error('A .docx file needs its extracted text (lib/import/parse/docx-to-text.ts).');
  const decoded = extractedText === undefined ? decodeUpload(bytes) : { text: extractedText, encoding: 'utf-8' as const };
  return { format, encoding: decoded.encoding, text: textForCleanup(format, decoded.text) };
}

/** A decoded or extracted text as the cleanup rules receive it (see {@link readUploadText}). */
export function textForCleanup(format: ImportFormat, text: string): string {
  return removeLayoutMarkerChars(format === 'html' ? htmlToText(text) : text);
}
