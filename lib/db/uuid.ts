/**
 * A UUID version 7 (RFC 9562): 48-bit millisecond time, then randomness. Time-ordered ids keep
 * B-tree inserts local, which matters when an import writes tens of thousands of rows at once.
 * Pure: runs in Node and in the browser.
 */
export function uuidv7(now = Date.now()): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let time = now;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Generates `count` distinct, increasing v7 UUIDs quickly (one timestamp, a counter in the random bits). */
export function uuidv7Batch(count: number, now = Date.now()): string[] {
  const base = uuidv7(now);
  const prefix = base.slice(0, 19); // time + version + first random group
  const seed = Math.floor(Math.random() * 0x1000);
  const ids = new Array<string>(count);
  for (let i = 0; i < count; i += 1) {
    // Variant bits (10xx) then a 60-bit counter: unique within the batch, increasing.
    const counter = (BigInt(seed) << 40n) + BigInt(i);
    const tail = (0x8000_0000_0000_0000n | counter).toString(16).padStart(16, '0');
    ids[i] = `${prefix}${tail.slice(0, 4)}-${tail.slice(4)}`;
  }
  return ids;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string can be a row id; anything else is NOT_FOUND without asking the database. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
