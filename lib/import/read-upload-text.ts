import type { CleanupFormat } from '../cleanup';
import { decodeUpload, formatFromFilename, type ImportFormat } from './decode/decode-text';
import type { DetectedEncodingName } from './decode/detect-encoding';
import { htmlToText } from './parse/html-to-text';
import { liftEmphasisMarkers, normalizeEmphasis, type EmphasisSpan } from '../segment/emphasis';
import { removeMarkerCharacters } from '../segment/marker-characters';
import { removeLayoutMarkerChars } from '../segment/segmenter/block-layout';

/** An upload as the cleanup reads it. */
export interface UploadText {
  format: ImportFormat;
  encoding: DetectedEncodingName;
  /** The text the cleanup rules run on (web pages and Word documents as Markdown-like text). */
  text: string;
  /** Its emphasised stretches (italics of a web page or a Word document), sorted and apart. */
  emphasis: EmphasisSpan[];
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
 * character the segmenter reserves for its own markers removed. The italics of a web page or a
 * Word document come apart from the text, as its emphasis. A Word document needs the text a
 * server-side reader took out of it (`extractedText`, lib/import/parse/extract-text.ts). Pure.
 * Throws what {@link decodeUpload} and {@link formatFromFilename} throw.
 */
export function readUploadText({ bytes, filename, extractedText }: { bytes: Uint8Array; filename: string; extractedText?: string }): UploadText {
  const format = formatFromFilename(filename);
  if (format === 'docx' && extractedText === undefined) throw new Error('A .docx file needs its extracted text (lib/import/parse/docx-to-text.ts).');
  const decoded = extractedText === undefined ? decodeUpload(bytes) : { text: extractedText, encoding: 'utf-8' as const };
  return { format, encoding: decoded.encoding, ...readForCleanup(format, decoded.text) };
}

/**
 * A decoded or extracted text as the cleanup rules receive it, with its emphasis (see
 * {@link readUploadText}). Emphasis markers are read only where the import's own HTML reader wrote
 * them (a web page, a Word document's extracted text: both readers drop any the file held); in
 * plain text and Markdown they are removed like every other marker character.
 */
export function readForCleanup(format: ImportFormat, text: string): { text: string; emphasis: EmphasisSpan[] } {
  if (format === 'html' || format === 'docx') {
    // Layout marker characters go first, so the offsets of the emphasis are those of the text returned.
    const lifted = liftEmphasisMarkers(removeLayoutMarkerChars(format === 'html' ? htmlToText(text) : text));
    // Italic words one after another are one stretch (each word of a page is an element of its own).
    return { text: lifted.text, emphasis: normalizeEmphasis(lifted.text, lifted.emphasis) };
  }
  return { text: removeMarkerCharacters(text), emphasis: [] };
}

/** A decoded or extracted text as the cleanup rules receive it (see {@link readUploadText}). */
export function textForCleanup(format: ImportFormat, text: string): string {
  return readForCleanup(format, text).text;
}
