import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { authenticateUser } from '../../../lib/account/authenticate-user';
import { counterKey } from '../../../lib/auth/rate-limiter';
import { SIGN_IN_BACK_OFF, SIGN_IN_LIMITS } from '../../../lib/config/limits';
import { getDb } from '../../../lib/db/client';
import { AppError } from '../../../lib/errors/app-error';
import { uniqueAddress } from '../../helpers/addresses';
import { buildUser } from '../../helpers/factories';

const PAIR = SIGN_IN_LIMITS.perAccountAndAddress.failures;
const signIn = (email: string, password: string, clientAddress: string) => authenticateUser({ input: { email, password }, clientAddress });

/** The outcome of a sign-in attempt: the account's id, 'wrong', or the wait when it was refused. */
async function outcome(attempt: Promise<{ id: string } | null>): Promise<string | { retryAfterSeconds: number }> {
  try {
    const user = await attempt;
    return user ? user.id : 'wrong';
  } catch (error) {
    if (error instanceof AppError && error.code === 'RATE_LIMITED') return { retryAfterSeconds: (error.details as { retryAfterSeconds: number }).retryAfterSeconds };
    throw error;
  }
}

/** Lets the current wait of the account-and-address count run out, as if its time had passed. */
async function endWait(email: string, clientAddress: string): Promise<void> {
  const key = `sign-in-account-address:${counterKey('account-address', email, clientAddress)}`;
  await getDb().$executeRaw`UPDATE rate_limit SET expire = ${Date.now() - 1} WHERE key = ${key}`;
}

async function failTimes(times: number, email: string, clientAddress: string): Promise<void> {
  for (let i = 0; i < times; i += 1) expect(await outcome(signIn(email, 'not the password', clientAddress))).toBe('wrong');
}

describe('sign-in limits', () => {
  it(`after ${PAIR} wrong passwords on an account from one address, refuses further attempts unchecked, the right password too, with a message saying how long to wait`, async () => {
    const user = await buildUser();
    const address = uniqueAddress();
    await failTimes(PAIR, user.email, address);
    expect(await outcome(signIn(user.email, 'not the password', address))).toEqual({ retryAfterSeconds: SIGN_IN_BACK_OFF.firstSeconds });
    await expect(signIn(user.email, user.password, address)).rejects.toMatchObject({ code: 'RATE_LIMITED', message: 'Too many attempts; try again in 1 minute.' });
    // The owner elsewhere is not kept out.
    expect(await outcome(signIn(user.email, user.password, uniqueAddress()))).toBe(user.id);
  });

  it('doubles the wait each time the limit is reached again', async () => {
    const user = await buildUser();
    const address = uniqueAddress();
    const waits: unknown[] = [];
    for (let round = 0; round < 3; round += 1) {
      await failTimes(PAIR, user.email, address);
      waits.push(await outcome(signIn(user.email, 'not the password', address)));
      await endWait(user.email, address);
    }
    const first = SIGN_IN_BACK_OFF.firstSeconds;
    expect(waits).toEqual([{ retryAfterSeconds: first }, { retryAfterSeconds: 2 * first }, { retryAfterSeconds: 4 * first }]);
  });

  it('counts attempts sent in parallel: of 20 at once, only as many as the limit allows are checked', async () => {
    const user = await buildUser();
    const address = uniqueAddress();
    const results = await Promise.all(Array.from({ length: 20 }, () => outcome(signIn(user.email, 'not the password', address))));
    expect(results.filter((result) => result === 'wrong')).toHaveLength(PAIR);
    expect(results.filter((result) => typeof result === 'object')).toHaveLength(20 - PAIR);
  });

  it('counts unknown e-mails alike, so refusals do not tell which e-mails have accounts', async () => {
    const address = uniqueAddress();
    const email = `nobody-${randomBytes(4).toString('hex')}@example.org`;
    await failTimes(PAIR, email, address);
    expect(await outcome(signIn(email, 'not the password', address))).toEqual({ retryAfterSeconds: SIGN_IN_BACK_OFF.firstSeconds });
  });

  it('forgets the failures of an account from an address once the right password is given there', async () => {
    const user = await buildUser();
    const address = uniqueAddress();
    await failTimes(PAIR - 1, user.email, address);
    expect(await outcome(signIn(user.email, user.password, address))).toBe(user.id);
    await failTimes(PAIR, user.email, address);
    expect(typeof (await outcome(signIn(user.email, 'not the password', address)))).toBe('object');
  });

  it('limits failures on one account from many addresses, but not from an address its owner signed in from', async () => {
    const user = await buildUser();
    const home = uniqueAddress();
    expect(await outcome(signIn(user.email, user.password, home))).toBe(user.id);
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.failures; i += 1) {
      expect(await outcome(signIn(user.email, 'not the password', uniqueAddress()))).toBe('wrong');
    }
    expect(await outcome(signIn(user.email, user.password, uniqueAddress()))).toEqual({ retryAfterSeconds: SIGN_IN_BACK_OFF.firstSeconds });
    expect(await outcome(signIn(user.email, user.password, home))).toBe(user.id);
  });

  it('limits failures from one address over many accounts', async () => {
    const address = uniqueAddress();
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.failures; i += 1) {
      expect(await outcome(signIn(`sprayed-${i}-${randomBytes(3).toString('hex')}@example.org`, 'Summer2024!', address))).toBe('wrong');
    }
    const user = await buildUser();
    expect(await outcome(signIn(user.email, user.password, address))).toEqual({ retryAfterSeconds: SIGN_IN_BACK_OFF.firstSeconds });
  });
});
