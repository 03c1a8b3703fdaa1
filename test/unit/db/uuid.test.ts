import { describe, expect, it } from 'vitest';

import { uuidv7, uuidv7Batch } from '../../../lib/db/uuid';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('is a version 7 UUID whose prefix is the time', () => {
    const id = uuidv7(0x0123_4567_89ab);
    expect(id).toMatch(V7);
    expect(id.replace(/-/g, '').slice(0, 12)).toBe('0123456789ab');
  });

  it('batches are valid, unique and increasing', () => {
    const ids = uuidv7Batch(10_000);
    expect(new Set(ids).size).toBe(10_000);
    for (const id of ids) expect(id).toMatch(V7);
    expect([...ids].sort()).toEqual(ids);
  });
});
