/**
 * Fractional order keys for segments.
 *
 * Segments of a work are ordered by a string key so that inserting, splitting
 * and merging segments never renumbers the rest of the work. The scheme follows
 * rocicorp's `fractional-indexing` algorithm: a key is an *integer part* (a
 * head character that encodes how many digits follow, then those base-62
 * digits) and an optional *fraction* (base-62 digits, never ending in `0`).
 * Keys compare correctly with plain JS `<` (UTF-16 code unit order), which for
 * ASCII equals byte order, i.e. PostgreSQL `COLLATE "C"`.
 *
 * Head characters: `a`..`z` are non-negative integers with 1..26 digits,
 * `A`..`Z` negative integers with 26..1 digits. Sequential keys therefore grow
 * by one character only every time the integer range is exhausted
 * (`a0`..`az` → `b00`..`bzz` → `c000`…), which keeps a 50,000-segment work at
 * ≤ 4 characters per key.
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const ZERO = '0';
const MAX_DIGIT = 'z';
const MAX_DIGIT_CODE = MAX_DIGIT.charCodeAt(0);
/** The smallest integer part. A key equal to it is invalid: nothing could ever be inserted before it. */
const SMALLEST_INTEGER = 'A' + ZERO.repeat(26);
const KEY_CHARS = /^[0-9A-Za-z]+$/;

/** Digit value lookup by char code; -1 for characters outside the alphabet. */
const DIGIT_VALUE: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < BASE; i++) table[DIGITS.charCodeAt(i)] = i;
  return table;
})();

function digitValue(ch: string): number {
  const code = ch.charCodeAt(0);
  return code < 128 ? (DIGIT_VALUE[code] ?? -1) : -1;
}

function digitAt(i: number): string {
  const d = DIGITS[i];
  if (d === undefined) throw new Error(`order key: digit index ${i} out of range`);
  return d;
}

/** Number of characters (head included) of the integer part announced by `head`, or 0 if `head` is not a valid head. */
function integerLength(head: string): number {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 97 + 2;
  if (head >= 'A' && head <= 'Z') return 90 - head.charCodeAt(0) + 2;
  return 0;
}

/** Returns a human-readable reason why `key` is not a valid order key, or null when it is valid. */
function invalidReason(key: string): string | null {
  if (typeof key !== 'string' || key.length === 0) return 'key is empty';
  if (!KEY_CHARS.test(key)) return 'key contains characters outside 0-9A-Za-z';
  const intLen = integerLength(key.charAt(0));
  if (intLen === 0) return `invalid head character "${key.charAt(0)}"`;
  if (key.length < intLen) return `integer part is too short (head "${key.charAt(0)}" needs ${intLen} characters)`;
  if (key === SMALLEST_INTEGER) return 'key is the reserved smallest integer (nothing could precede it)';
  if (key.length > intLen && key.endsWith(ZERO)) return 'fraction must not end with "0"';
  return null;
}

function assertValid(key: string, name: string): void {
  const reason = invalidReason(key);
  if (reason !== null) throw new Error(`Invalid order key ${name} ${JSON.stringify(key)}: ${reason}`);
}

/**
 * Whether `key` is a well-formed order key (as produced by {@link keyBetween}).
 */
export function isValidOrderKey(key: string): boolean {
  return invalidReason(key) === null;
}

/**
 * A fraction (digit string, no trailing zero) strictly between fractions `a`
 * and `b`; `b === null` means "no upper bound". Requires a < b.
 */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    // Strip the common prefix, padding a with zeros; b needs no padding because
    // it cannot end inside the prefix while staying greater than a.
    let n = 0;
    while ((a.charAt(n) || ZERO) === b.charAt(n)) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const digitA = a.length > 0 ? digitValue(a) : 0;
  const digitB = b !== null ? digitValue(b) : BASE;
  if (digitB - digitA > 1) {
    return digitAt(Math.round((digitA + digitB) / 2));
  }
  // Consecutive first digits: the result shares a's first digit (or is b's first digit alone).
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return digitAt(digitA) + midpoint(a.slice(1), null);
}

/** The next integer part, or null when `int` is the largest one ("z" followed by 26 "z"). */
function incrementInteger(int: string): string | null {
  const head = int.charAt(0);
  // Find the rightmost digit that can be bumped without a carry; everything after it wraps to "0".
  let i = int.length - 1;
  while (i >= 1 && int.charCodeAt(i) === MAX_DIGIT_CODE) i--;
  if (i >= 1) {
    return int.slice(0, i) + digitAt(digitValue(int.charAt(i)) + 1) + ZERO.repeat(int.length - 1 - i);
  }
  // Every digit overflowed: move to the next head, which changes the digit count.
  if (head === 'Z') return 'a' + ZERO;
  if (head === 'z') return null;
  const next = String.fromCharCode(head.charCodeAt(0) + 1);
  return next + ZERO.repeat(integerLength(next) - 1);
}

/** The previous integer part, or null when `int` is the smallest one. */
function decrementInteger(int: string): string | null {
  const head = int.charAt(0);
  let i = int.length - 1;
  while (i >= 1 && int.charAt(i) === ZERO) i--;
  if (i >= 1) {
    return int.slice(0, i) + digitAt(digitValue(int.charAt(i)) - 1) + MAX_DIGIT.repeat(int.length - 1 - i);
  }
  if (head === 'a') return 'Z' + MAX_DIGIT;
  if (head === 'A') return null;
  const prev = String.fromCharCode(head.charCodeAt(0) - 1);
  return prev + MAX_DIGIT.repeat(integerLength(prev) - 1);
}

function splitKey(key: string): [integer: string, fraction: string] {
  const len = integerLength(key.charAt(0));
  return [key.slice(0, len), key.slice(len)];
}

/**
 * Returns a key that sorts strictly between `a` and `b`.
 *
 * @param a lower bound, or null for "before everything"
 * @param b upper bound, or null for "after everything"
 * @throws Error if a key is invalid or `a >= b`
 */
export function keyBetween(a: string | null, b: string | null): string {
  assertBounds(a, b, 'keyBetween');
  return keyBetweenValid(a, b);
}

function assertBounds(a: string | null, b: string | null, fn: string): void {
  if (a !== null) assertValid(a, 'a');
  if (b !== null) assertValid(b, 'b');
  if (a !== null && b !== null && a >= b) {
    throw new Error(`${fn}: a must sort before b, got a=${JSON.stringify(a)}, b=${JSON.stringify(b)}`);
  }
}

/** keyBetween for bounds already checked by {@link assertBounds}; bulk generation skips re-validating its own output. */
function keyBetweenValid(a: string | null, b: string | null): string {
  if (a === null) {
    if (b === null) return 'a' + ZERO;
    const [intB, fracB] = splitKey(b);
    if (intB === SMALLEST_INTEGER) return intB + midpoint('', fracB);
    // b has a fraction: its bare integer part already sorts before it.
    if (fracB.length > 0) return intB;
    const prev = decrementInteger(intB);
    if (prev === null) throw new Error('keyBetween: no key exists before the smallest integer part');
    return prev;
  }

  if (b === null) {
    const [intA, fracA] = splitKey(a);
    const next = incrementInteger(intA);
    return next === null ? intA + midpoint(fracA, null) : next;
  }

  const [intA, fracA] = splitKey(a);
  const [intB, fracB] = splitKey(b);
  if (intA === intB) return intA + midpoint(fracA, fracB);
  const next = incrementInteger(intA);
  if (next === null) throw new Error('keyBetween: integer part overflow');
  // Prefer a short integer key when one fits; otherwise extend a's fraction upwards.
  return next < b ? next : intA + midpoint(fracA, null);
}

/**
 * Returns `n` sorted keys strictly between `a` and `b`.
 *
 * With an open upper (or lower) end the keys are consecutive integers counted
 * up from `a` (or down from `b`), which keeps them as short as possible — this
 * is the path used to key a freshly imported work. With both ends given the
 * range is bisected recursively so the keys spread evenly and grow only
 * logarithmically with `n`.
 *
 * @throws Error if a key is invalid, `a >= b`, or `n` is not a non-negative integer
 */
export function keysBetween(a: string | null, b: string | null, n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`keysBetween: n must be a non-negative integer, got ${n}`);
  assertBounds(a, b, 'keysBetween');
  if (n === 0) return [];

  const result: string[] = new Array<string>(n);
  if (b === null) {
    let c = keyBetweenValid(a, null);
    result[0] = c;
    for (let i = 1; i < n; i++) {
      c = keyBetweenValid(c, null);
      result[i] = c;
    }
    return result;
  }
  if (a === null) {
    let c = keyBetweenValid(null, b);
    result[n - 1] = c;
    for (let i = n - 2; i >= 0; i--) {
      c = keyBetweenValid(null, c);
      result[i] = c;
    }
    return result;
  }
  fillBetween(a, b, result, 0, n);
  return result;
}

function fillBetween(a: string, b: string, out: string[], from: number, count: number): void {
  if (count === 0) return;
  const mid = Math.floor(count / 2);
  const c = keyBetweenValid(a, b);
  out[from + mid] = c;
  fillBetween(a, c, out, from, mid);
  fillBetween(c, b, out, from + mid + 1, count - mid - 1);
}
