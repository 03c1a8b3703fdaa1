/** Encoders for the legacy encodings imports must read, so tests can make their own samples. */

/** Inverts a TextDecoder single-byte table, so tests can encode text as a legacy code page would. */
export function singleByteEncoder(encoding: string): (text: string) => Uint8Array {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) {
    const ch = decoder.decode(new Uint8Array([byte]));
    if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, byte);
  }
  return (text) =>
    Uint8Array.from([...text].map((ch) => {
      const byte = table.get(ch);
      if (byte === undefined) throw new Error(`${encoding} cannot encode ${ch}`);
      return byte;
    }));
}

/** Text as UTF-16 bytes, either byte order, with or without a byte-order mark. */
export function utf16(text: string, isBigEndian: boolean, hasBom: boolean): Uint8Array {
  const units = [...(hasBom ? '\ufeff' : ''), ...text].flatMap((ch) => [...ch].map((c) => c.charCodeAt(0)));
  const bytes = new Uint8Array(units.length * 2);
  units.forEach((unit, k) => {
    bytes[k * 2 + (isBigEndian ? 0 : 1)] = unit >> 8;
    bytes[k * 2 + (isBigEndian ? 1 : 0)] = unit & 0xff;
  });
  return bytes;
}

