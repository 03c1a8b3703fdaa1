import { AppError } from '../errors/app-error';

/**
 * The text of an XML file brought in (a TBX glossary, an XLIFF translation): UTF-8 (with or without a byte-order mark) or UTF-16 (told by its
 * byte-order mark, or by a first "<" next to a zero byte), decoded strictly: a file in another
 * encoding is refused with UNSUPPORTED_ENCODING rather than read wrong. Pure.
 */
export function decodeXmlFile(bytes: Uint8Array): string {
  const [a, b] = bytes;
  const encoding = (a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00) ? 'utf-16le' : (a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c) ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('UNSUPPORTED_ENCODING', 'file.invalidEncoding', { values: { encoding: encoding.toUpperCase() } });
  }
}
