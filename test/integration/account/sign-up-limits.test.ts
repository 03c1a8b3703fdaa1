import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { registerUser } from '../../../lib/account/register-user';
import { counterKey } from '../../../lib/auth/rate-limiter';
import { SIGN_UP_LIMITS } from '../../../lib/config/limits';
import { getDb } from '../../../lib/db/client';
import { uniqueAddress } from '../../helpers/addresses';

const [SHORT, DAY] = SIGN_UP_LIMITS;
const form = () => ({ email: `new-${randomBytes(5).toString('hex')}@example.org`, name: 'New Volunteer', password: 'a good long password' });

async function signUp(clientAddress: string): Promise<'created' | number | string> {
  try {
    await registerUser({ input: form(), clientAddress });
    return 'created';
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'RATE_LIMITED' ? (error as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds : String(code);
  }
}

/** Lets the shorter window of an address run out, as if its time had passed. */
async function endShortWindow(clientAddress: string): Promise<void> {
  const key = `sign-up-${SHORT.windowSeconds}s:${counterKey('address', clientAddress)}`;
  await getDb().$executeRaw`UPDATE rate_limit SET expire = ${Date.now() - 1} WHERE key = ${key}`;
}

describe('sign-up limits', () => {
  it(`creates at most ${SHORT.max} accounts from one address in ${SHORT.windowSeconds / 60} minutes, even when sent at once`, async () => {
    const address = uniqueAddress();
    const results = await Promise.all(Array.from({ length: 10 }, () => signUp(address)));
    expect(results.filter((result) => result === 'created')).toHaveLength(SHORT.max);
    const waits = results.filter((result): result is number => typeof result === 'number');
    expect(waits).toHaveLength(10 - SHORT.max);
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(SHORT.windowSeconds);
    // Another address is not affected.
    expect(await signUp(uniqueAddress())).toBe('created');
  });

  it(`creates at most ${DAY.max} accounts from one address in a day`, async () => {
    const address = uniqueAddress();
    let created = 0;
    for (let round = 0; round < 5; round += 1) {
      for (let i = 0; i < SHORT.max; i += 1) if ((await signUp(address)) === 'created') created += 1;
      await endShortWindow(address);
    }
    expect(created).toBe(DAY.max);
    const refused = await signUp(address);
    expect(typeof refused === 'number' && refused > SHORT.windowSeconds).toBe(true);
  });

  it('refuses a common password after counting the attempt, and says why', async () => {
    const address = uniqueAddress();
    await expect(registerUser({ input: { ...form(), password: 'qwertyuiop123' }, clientAddress: address })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { password: [expect.stringMatching(/common password/)] },
    });
  });
});
