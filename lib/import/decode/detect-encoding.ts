import { scoreRussian } from './score-russian';

/** Encodings Interlinear detects; every one is supported by the WHATWG `TextDecoder`. */
export type DetectedEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'koi8-r' | 'windows-1252';

/** An encoding guess and how sure it is (0..1). */
export interface DetectedEncoding {
  encoding: DetectedEncodingName;
  confidence: number;
}

/** Bytes looked at for statistics; a prefix this long decides reliably and keeps detection fast. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * Detects the encoding of a text file from its bytes: byte-order marks first, then UTF-8
 * validity, then UTF-16 without BOM by the pattern of NUL bytes, then Cyrillic single-byte
 * encodings (Windows-1251 vs KOI8-R, told apart by how Russian-like each decoding reads), and
 * Windows-1252 for anything else. Pure: runs in the browser for the import preview.
 */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', confidence: 1 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', confidence: 1 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', confidence: 1 };
  const sample = bytes.subarray(0, SAMPLE_BYTES);

  const utf16 = detectUtf16(sample);
  if (utf16) return utf16;

  let highBytes = 0;
  for (const byte of sample) if (byte >= 0x80) highBytes++;
  if (highBytes === 0) return { encoding: 'utf-8', confidence: 1 }; // pure ASCII reads the same in all of them
  if (isValidUtf8(sample, sample.length < bytes.length)) return { encoding: 'utf-8', confidence: 0.99 };

  const cp1251 = scoreRussian(new TextDecoder('windows-1251').decode(sample));
  const koi8 = scoreRussian(new TextDecoder('koi8-r').decode(sample));
  const best = Math.max(cp1251, koi8);
  // Russian text scores well above 0.3 in its right encoding; below that it is probably not Cyrillic.
  if (best >= 0.3) {
    const margin = Math.abs(cp1251 - koi8) / best;
    return { encoding: cp1251 >= koi8 ? 'windows-1251' : 'koi8-r', confidence: Math.min(0.99, 0.5 + margin / 2) };
  }
  return { encoding: 'windows-1252', confidence: 0.6 };
}

/**
 * Decodes bytes with the detected encoding (a BOM is dropped). Undecodable sequences become
 * U+FFFD; callers that must refuse bad bytes check for it or use the confidence.
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: DetectedEncodingName; confidence: number } {
  const detected = detectEncoding(bytes);
  const text = new TextDecoder(detected.encoding).decode(bytes);
  return { text, ...detected };
}

/**
 * UTF-16 text has its high bytes at every other position, and they are nearly all one value per
 * script (0x00 for Latin, 0x04 for Cyrillic) with 0x00 for spaces, digits and punctuation.
 * Single-byte and UTF-8 texts have no NUL bytes at all.
 */
function detectUtf16(sample: Uint8Array): DetectedEncoding | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  const even = highByteProfile(sample, 0);
  const odd = highByteProfile(sample, 1);
  // The high side: at least 5% NULs (spaces) and 60% one block (NUL plus the script's block);
  // the low side: almost no NULs.
  if (odd.zeroShare >= 0.05 && odd.blockShare >= 0.6 && even.zeroShare < 0.02) return { encoding: 'utf-16le', confidence: 0.9 };
  if (even.zeroShare >= 0.05 && even.blockShare >= 0.6 && odd.zeroShare < 0.02) return { encoding: 'utf-16be', confidence: 0.9 };
  return null;
}

function highByteProfile(sample: Uint8Array, parity: 0 | 1): { zeroShare: number; blockShare: number } {
  const counts = new Uint32Array(256);
  let total = 0;
  for (let i = parity; i < sample.length; i += 2) {
    counts[sample[i] ?? 0] = (counts[sample[i] ?? 0] ?? 0) + 1;
    total++;
  }
  const zeros = counts[0] ?? 0;
  let modal = 0;
  for (let byte = 1; byte < 256; byte++) modal = Math.max(modal, counts[byte] ?? 0);
  return { zeroShare: zeros / total, blockShare: (zeros + modal) / total };
}

/** Whether the bytes are valid UTF-8; a sequence cut off by the sample's end is allowed when truncated. */
function isValidUtf8(bytes: Uint8Array, isTruncated: boolean): boolean {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return false;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined) return isTruncated;
      if ((next & 0xc0) !== 0x80) return false;
    }
    i += length;
  }
  return true;
}
