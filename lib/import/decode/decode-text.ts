import { detectEncoding, type DetectedEncodingName } from './detect-encoding';
import { MAX_UPLOAD_BYTES } from '../../config/limits';
import { AppError } from '../../errors/app-error';
import { sizeInBytes } from '../../errors/error-text';

export type ImportFormat = 'txt' | 'md' | 'html' | 'docx';

/** The format of a file from its name; throws UNSUPPORTED_MEDIA_TYPE for anything else. */
export function formatFromFilename(filename: string): ImportFormat {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'md';
  if (lower.endsWith('.html') || lower.endsWith('.htm') || lower.endsWith('.xhtml')) return 'html';
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.txt') || lower.endsWith('.text') || !lower.includes('.')) return 'txt';
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'import.fileType', { values: { filename } });
}

/** Text decoded from an upload, and the encoding it was read in. */
export interface DecodedUpload {
  text: string;
  encoding: DetectedEncodingName;
}

/**
 * Decodes an uploaded text file: UTF-8 (with or without BOM), UTF-16 (BOM or detected),
 * Windows-1251 and KOI8-R (told apart by how Russian the result reads) or Windows-1252. Refuses,
 * with a message naming the reason: empty files, files over {@link MAX_UPLOAD_BYTES}, binary
 * files (NUL bytes or many control characters outside UTF-16) and bytes invalid in the encoding
 * they declare (a UTF-8 or UTF-16 byte-order mark followed by invalid sequences).
 */
export function decodeUpload(bytes: Uint8Array, { maxBytes = MAX_UPLOAD_BYTES }: { maxBytes?: number } = {}): DecodedUpload {
  if (bytes.byteLength === 0) throw new AppError('INVALID_INPUT', 'file.empty');
  if (bytes.byteLength > maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'file.tooLarge', { values: { size: sizeInBytes(bytes.byteLength), limit: sizeInBytes(maxBytes) }, details: { limit: maxBytes } });
  }
  const { encoding } = detectEncoding(bytes);
  const isUtf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  if (!isUtf16 && looksBinary(bytes)) {
    throw new AppError('UNSUPPORTED_ENCODING', 'import.binaryFile');
  }
  let text: string;
  try {
    // Unicode encodings are decoded strictly: a bad sequence means the file is not what it says.
    text = new TextDecoder(encoding, { fatal: encoding === 'utf-8' || isUtf16, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = encoding === 'utf-8' ? firstInvalidUtf8Offset(bytes) : null;
    throw new AppError(
      'UNSUPPORTED_ENCODING',
      'import.invalidEncoding',
      { values: { encoding: encoding.toUpperCase(), offset: offset ?? 'none' }, details: offset === null ? undefined : { offset } },
    );
  }
  if (text.trim().length === 0) throw new AppError('INVALID_INPUT', 'import.onlyWhiteSpace');
  return { text, encoding };
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
