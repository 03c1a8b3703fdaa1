import type { DownloadFormat } from './schemas';

/** A download on its way out: its names, its media type and its bytes as they are produced. */
export interface Download {
  /** The file name as the text is titled (UTF-8), for `filename*`. */
  fileName: string;
  /** The same name in ASCII letters, digits, dots and dashes, for `filename` and for old clients. */
  asciiFileName: string;
  contentType: string;
  /** The bytes, produced as they are pulled: nothing is held beyond a few hundred blocks. */
  body: AsyncIterable<Uint8Array>;
}

export const CONTENT_TYPES: Record<DownloadFormat, string> = {
  epub: 'application/epub+zip',
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  xliff: 'application/xliff+xml; charset=utf-8',
  xliff12: 'application/xliff+xml; charset=utf-8',
  tmx: 'application/x-tmx+xml; charset=utf-8',
};

/** The file name's extension of each format (both XLIFF versions are `.xlf`, as tools expect). */
export const FILE_EXTENSIONS: Record<DownloadFormat, string> = { epub: 'epub', html: 'html', txt: 'txt', md: 'md', jsonl: 'jsonl', xliff: 'xlf', xliff12: 'xlf', tmx: 'tmx' };

/**
 * The names of a download: the title with its languages (characters file systems refuse, and
 * controls, replaced; at most 120 characters) and an ASCII stem. Pure.
 */
export function downloadFileNames({ title, languages, asciiStem, format }: { title: string; languages: readonly string[]; asciiStem: string; format: DownloadFormat }): { fileName: string; asciiFileName: string } {
  const cleaned = title.replace(/[\u0000-\u001f\u007f-\u009f/\\:*?"<>|\uFDD0-\uFDEF]+/gu, ' ').replace(/\s+/gu, ' ').trim();
  const stem = [...(cleaned || 'Untitled')].slice(0, 120).join('').trim();
  const suffix = languages.length > 0 ? ` (${languages.join(', ')})` : '';
  const ascii = (asciiStem.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'download').slice(0, 100);
  const extension = FILE_EXTENSIONS[format];
  return { fileName: `${stem}${suffix}.${extension}`, asciiFileName: `${ascii}.${extension}` };
}

/** Strings as UTF-8 bytes, a few pieces at a time. */
export async function* encodeUtf8(pieces: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let buffered = '';
  for await (const piece of pieces) {
    buffered += piece;
    if (buffered.length >= 64 * 1024) {
      yield encoder.encode(buffered);
      buffered = '';
    }
  }
  if (buffered) yield encoder.encode(buffered);
}
