import { describe, expect, it } from 'vitest';

import { isDatabaseUnavailable } from '../../../lib/db/is-database-unavailable';

describe('isDatabaseUnavailable', () => {
  it('reads a statement timeout, a lost connection and Prisma pool time-outs as "cannot answer now"', () => {
    expect(isDatabaseUnavailable({ code: '57014' })).toBe(true);
    expect(isDatabaseUnavailable({ code: '08006' })).toBe(true);
    expect(isDatabaseUnavailable({ code: 'P2024' })).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable({ meta: { driverAdapterError: { cause: { originalCode: '53300' } } } })).toBe(true);
  });

  it('reads a replica cancelling a query for the changes it replays as "cannot answer now", through causes', () => {
    const replay = Object.assign(new Error('canceling statement due to conflict with recovery'), { code: '40001' });
    expect(isDatabaseUnavailable(new Error('query failed', { cause: replay }))).toBe(true);
  });

  it('leaves a serialization failure on the primary, a constraint and plain errors to their own handling', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' }))).toBe(false);
    expect(isDatabaseUnavailable({ code: 'P2002' })).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
