import { formatBytes, MAX_UPLOAD_BYTES } from '../../config/limits';
import { AppError } from '../../errors/app-error';

export const IMPORTABLE_EXTENSIONS = ['.txt', '.md'] as const;
export type ImportFormat = 'txt' | 'md';

/** The format of a file from its name; throws UNSUPPORTED_MEDIA_TYPE for anything else. */
export function formatFromFilename(filename: string): ImportFormat {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'md';
  if (lower.endsWith('.txt') || lower.endsWith('.text') || !lower.includes('.')) return 'txt';
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', `“${filename}” cannot be imported: only plain text (.txt) and Markdown (.md) files are supported.`);
}

/**
 * Decodes an uploaded file as UTF-8 text. Refuses, with a message naming the reason: empty
 * files, files over {@link MAX_UPLOAD_BYTES}, binary files (NUL bytes or many control
 * characters) and bytes that are not valid UTF-8. A UTF-8 byte-order mark is dropped.
 */
export function decodeText(bytes: Uint8Array, { maxBytes = MAX_UPLOAD_BYTES }: { maxBytes?: number } = {}): string {
  if (bytes.byteLength === 0) throw new AppError('INVALID_INPUT', 'The file is empty.');
  if (bytes.byteLength > maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The file is ${formatBytes(bytes.byteLength)}; the limit is ${formatBytes(maxBytes)}.`, { limit: maxBytes });
  }
  if (looksBinary(bytes)) {
    throw new AppError('UNSUPPORTED_ENCODING', 'The file is not text (it contains binary data). Upload a .txt or .md file.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    throw new AppError('UNSUPPORTED_ENCODING', `The file is not valid UTF-8 (first invalid byte at offset ${offset}). Save it as UTF-8 and try again.`, { offset });
  }
  if (text.trim().length === 0) throw new AppError('INVALID_INPUT', 'The file contains only white space.');
  return text;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // Tab, LF, VT, FF, CR and ESC occur in real texts; other C0 controls hardly ever do.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) control += 1;
  }
  return control > sample.length * 0.01;
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return i;
}
