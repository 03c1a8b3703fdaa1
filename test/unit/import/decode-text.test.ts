import { describe, expect, it } from 'vitest';

import { AppError } from '../../../lib/errors/app-error';
import { decodeUpload, formatFromFilename } from '../../../lib/import/decode/decode-text';
import { singleByteEncoder, utf16 } from '../../helpers/legacy-encodings';

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The decoded text alone. */
const decodeText = (bytes: Uint8Array, options?: { maxBytes?: number }) => decodeUpload(bytes, options).text;

describe('decodeUpload', () => {
  it('decodes UTF-8 and drops the byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Привет, world')]))).toBe('Привет, world');
  });

  it('refuses an empty file', () => {
    const error = errorOf(() => decodeText(new Uint8Array()));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/empty/);
  });

  it('refuses a file of white space only', () => {
    expect(errorOf(() => decodeText(utf8(' \n\t\n'))).message).toMatch(/white space/);
  });

  it('refuses a file over the limit and names the limit', () => {
    const error = errorOf(() => decodeText(utf8('a'.repeat(2048)), { maxBytes: 1024 }));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toContain('1 KB');
    expect(error.status).toBe(413);
  });

  it('refuses binary data', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const error = errorOf(() => decodeText(png));
    expect(error.code).toBe('UNSUPPORTED_ENCODING');
    expect(error.message).toMatch(/binary/);
  });

  it('refuses a file that declares UTF-8 (byte-order mark) but is not, and says where', () => {
    const error = errorOf(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Hello '), 0xcf, 0x20, 0x41])));
    expect(error.code).toBe('UNSUPPORTED_ENCODING');
    expect(error.message).toContain('offset 9');
  });

  it('reads Russian in Windows-1251 and KOI8-R, UTF-16, and Western Windows-1252', () => {
    const russian = 'Переводчик должен понимать не только слова, но и мысль автора. Работа идёт медленно.';
    expect(decodeUpload(singleByteEncoder('windows-1251')(russian))).toEqual({ text: russian, encoding: 'windows-1251' });
    expect(decodeUpload(singleByteEncoder('koi8-r')(russian))).toEqual({ text: russian, encoding: 'koi8-r' });
    expect(decodeUpload(utf16(russian, false, true))).toEqual({ text: russian, encoding: 'utf-16le' });
    const german = 'Die Übersetzung muß genau sein: Größe, Maß und Gefühl.';
    expect(decodeUpload(singleByteEncoder('windows-1252')(german))).toEqual({ text: german, encoding: 'windows-1252' });
  });
});

describe('formatFromFilename', () => {
  it('accepts .txt and .md, refuses others', () => {
    expect(formatFromFilename('speech.TXT')).toBe('txt');
    expect(formatFromFilename('notes.md')).toBe('md');
    expect(errorOf(() => formatFromFilename('scan.pdf')).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
