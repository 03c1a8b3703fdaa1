import { describe, expect, it } from 'vitest';

import { isValidOrderKey, keyBetween, keysBetween } from '../../../lib/segment/order-key';
import { mulberry32 } from '../../helpers/random';


/** Byte order, as PostgreSQL COLLATE "C" compares. */
function byteCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function expectStrictlySorted(keys: string[]): void {
  for (let i = 1; i < keys.length; i++) {
    const prev = keys[i - 1] ?? '';
    const cur = keys[i] ?? '';
    if (!(prev < cur) || byteCompare(prev, cur) >= 0) {
      throw new Error(`keys not strictly sorted at ${i}: ${prev} !< ${cur}`);
    }
  }
}

describe('keyBetween', () => {
  it('starts an empty list at a0 and extends it at both ends', () => {
    expect(keyBetween(null, null)).toBe('a0');
    expect(keyBetween('a0', null)).toBe('a1');
    expect(keyBetween(null, 'a0')).toBe('Zz');
    expect(keyBetween('az', null)).toBe('b00');
    expect(keyBetween(null, 'Zz')).toBe('Zy');
  });

  it('bisects between neighbours with a fraction', () => {
    expect(keyBetween('a0', 'a1')).toBe('a0V');
    const k = keyBetween('a0', 'a0V');
    expect('a0' < k && k < 'a0V').toBe(true);
    const l = keyBetween('a0V', 'a1');
    expect('a0V' < l && l < 'a1').toBe(true);
  });

  it('prefers a short integer key when one fits between distant neighbours', () => {
    expect(keyBetween('a0', 'a5')).toBe('a1');
    expect(keyBetween('a0V', 'b00')).toBe('a1');
  });

  it('handles keys just below a length change and negative integers', () => {
    const k = keyBetween('azzV', 'b00');
    expect(k > 'azzV' && k < 'b00').toBe(true);
    const n = keyBetween('Yzz', 'Zz');
    expect(n > 'Yzz' && n < 'Zz').toBe(true);
  });

  it('keeps 2000 random inserts between random neighbours sorted, unique and valid', () => {
    const random = mulberry32(42);
    const keys: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const at = Math.floor(random() * (keys.length + 1));
      const a = keys[at - 1] ?? null;
      const b = keys[at] ?? null;
      const k = keyBetween(a, b);
      expect(isValidOrderKey(k)).toBe(true);
      if (a !== null) expect(a < k).toBe(true);
      if (b !== null) expect(k < b).toBe(true);
      keys.splice(at, 0, k);
    }
    expectStrictlySorted(keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort(byteCompare)).toEqual(keys);
  });

  it('keeps keys short under repeated prepends, appends and same-spot inserts', () => {
    let first = keyBetween(null, null);
    let last = first;
    for (let i = 0; i < 1000; i++) {
      first = keyBetween(null, first);
      last = keyBetween(last, null);
    }
    expect(first.length).toBeLessThanOrEqual(3);
    expect(last.length).toBeLessThanOrEqual(3);

    // Inserting always right after the same key grows the key, but only by about one character per 6 inserts.
    const anchor = 'a0';
    let right = 'a1';
    for (let i = 0; i < 100; i++) right = keyBetween(anchor, right);
    expect(right > anchor).toBe(true);
    expect(right.length).toBeLessThanOrEqual(25);
  });

  it('rejects bounds that are out of order or equal', () => {
    expect(() => keyBetween('a1', 'a0')).toThrow(/must sort before/);
    expect(() => keyBetween('a1', 'a1')).toThrow(/must sort before/);
  });

  it('rejects invalid keys with a clear message', () => {
    expect(() => keyBetween('', null)).toThrow(/Invalid order key a/);
    expect(() => keyBetween('a', null)).toThrow(/too short/);
    expect(() => keyBetween('a00', null)).toThrow(/must not end with "0"/);
    expect(() => keyBetween(null, 'a0-')).toThrow(/outside 0-9A-Za-z/);
    expect(() => keyBetween('0abc', null)).toThrow(/invalid head/);
    expect(() => keyBetween(null, 'A' + '0'.repeat(26))).toThrow(/smallest/);
  });
});

describe('keysBetween', () => {
  it('keys a 50,000-segment import with sequential keys of at most 4 characters', () => {
    const keys = keysBetween(null, null, 50_000);
    expect(keys).toHaveLength(50_000);
    expect(keys[0]).toBe('a0');
    expect(keys[1]).toBe('a1');
    expect(keys[62]).toBe('b00');
    expectStrictlySorted(keys);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(4);
    expect(keys.every(isValidOrderKey)).toBe(true);
  });

  it('continues after and before existing keys', () => {
    const after = keysBetween('a5', null, 10);
    expect(after[0]).toBe('a6');
    expectStrictlySorted(['a5', ...after]);

    const before = keysBetween(null, 'a0', 100);
    expect(before[before.length - 1]).toBe('Zz');
    expectStrictlySorted([...before, 'a0']);
  });

  it('spreads keys evenly between two bounds, keeping them short', () => {
    const keys = keysBetween('a0', 'a1', 1000);
    expect(keys).toHaveLength(1000);
    expectStrictlySorted(['a0', ...keys, 'a1']);
    expect(keys.every(isValidOrderKey)).toBe(true);
    // 1000 keys need two base-62 fraction digits; bisection costs at most a couple more.
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(6);
  });

  it('returns [] for n = 0 and the single midpoint for n = 1', () => {
    expect(keysBetween('a0', 'a1', 0)).toEqual([]);
    expect(keysBetween('a0', 'a1', 1)).toEqual([keyBetween('a0', 'a1')]);
    expect(keysBetween(null, null, 1)).toEqual(['a0']);
  });

  it('validates its arguments', () => {
    expect(() => keysBetween(null, null, -1)).toThrow(/non-negative integer/);
    expect(() => keysBetween(null, null, 1.5)).toThrow(/non-negative integer/);
    expect(() => keysBetween('a1', 'a0', 3)).toThrow(/must sort before/);
    expect(() => keysBetween('a1', 'a0', 0)).toThrow(/must sort before/);
    expect(() => keysBetween('a00', null, 2)).toThrow(/Invalid order key/);
  });
});

describe('isValidOrderKey', () => {
  it('accepts generated keys', () => {
    for (const key of ['a0', 'a1', 'az', 'b00', 'bzz', 'c000', 'Zz', 'Y00', 'a0V', 'a0G8', 'A' + '0'.repeat(26) + 'V']) {
      expect(isValidOrderKey(key), key).toBe(true);
    }
  });

  it('rejects malformed keys', () => {
    for (const key of ['', 'a', 'b0', 'a00', 'a0V0', '0', '9a', 'a0 ', 'a0é', 'a-', 'A' + '0'.repeat(26)]) {
      expect(isValidOrderKey(key), JSON.stringify(key)).toBe(false);
    }
  });
});
