import { describe, expect, it } from 'vitest';

import { AppError } from '../../../lib/errors/app-error';
import { decodeText, formatFromFilename } from '../../../lib/import/decode/decode-text';

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

describe('decodeText', () => {
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

  it('refuses invalid UTF-8 and says where', () => {
    // "Hello " then a lone Windows-1251 byte for "П".
    const error = errorOf(() => decodeText(new Uint8Array([...utf8('Hello '), 0xcf, 0x20, 0x41])));
    expect(error.code).toBe('UNSUPPORTED_ENCODING');
    expect(error.message).toContain('offset 6');
  });
});

describe('formatFromFilename', () => {
  it('accepts .txt and .md, refuses others', () => {
    expect(formatFromFilename('speech.TXT')).toBe('txt');
    expect(formatFromFilename('notes.md')).toBe('md');
    expect(errorOf(() => formatFromFilename('scan.pdf')).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
