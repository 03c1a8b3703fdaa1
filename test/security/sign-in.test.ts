import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { SESSION_IDLE_SECONDS, SIGN_IN_LIMITS } from '../../lib/config/limits';
import { uniqueAddress } from '../helpers/addresses';
import { createAccount, signInOverHttp } from '../helpers/auth-http';
import { useBrowserPage } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');
const LIMIT = SIGN_IN_LIMITS.perAccountAndAddress.failures;

describe('signing in', () => {
  it(`refuses attempts past ${LIMIT} wrong passwords on an account from one address, the right password too, saying how long to wait`, async () => {
    const account = await createAccount(databaseUrl);
    const address = uniqueAddress();
    const errors: (string | null)[] = [];
    for (let i = 0; i < LIMIT + 3; i += 1) errors.push((await signInOverHttp(baseUrl, { ...account, password: `wrong guess ${i}`, address })).error);
    expect(errors.slice(0, LIMIT)).toEqual(Array(LIMIT).fill('CredentialsSignin'));
    for (const error of errors.slice(LIMIT)) expect(error).toMatch(/^RateLimited:\d+$/);

    const right = await signInOverHttp(baseUrl, { ...account, address });
    expect(right.error).toMatch(/^RateLimited:\d+$/);
    expect(right.sessionCookie).toBeNull();
    // From another address the owner still gets in.
    expect((await signInOverHttp(baseUrl, { ...account, address: uniqueAddress() })).sessionCookie).not.toBeNull();
  });

  it('counts attempts sent in parallel: of 20 sent at once, no more than the limit are checked', async () => {
    const account = await createAccount(databaseUrl);
    const address = uniqueAddress();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signInOverHttp(baseUrl, { ...account, password: `parallel guess ${i}`, address })));
    const checked = answers.filter((answer) => answer.error === 'CredentialsSignin');
    const refused = answers.filter((answer) => /^RateLimited:\d+$/.test(answer.error ?? ''));
    expect(checked.length).toBeLessThanOrEqual(LIMIT);
    expect(checked.length + refused.length).toBe(20);
  });

  it('gives a session cookie that ends after days without use, not a month', async () => {
    const account = await createAccount(databaseUrl);
    const answer = await signInOverHttp(baseUrl, { ...account, address: uniqueAddress() });
    const expires = /Expires=([^;]+)/i.exec(answer.sessionCookieLine ?? '')?.[1];
    expect(expires).toBeDefined();
    const lifetimeSeconds = (Date.parse(expires as string) - Date.now()) / 1000;
    expect(lifetimeSeconds).toBeGreaterThan(SESSION_IDLE_SECONDS - 120);
    expect(lifetimeSeconds).toBeLessThanOrEqual(SESSION_IDLE_SECONDS + 60);
  });

  describe('the sign-in page', () => {
    const view = useBrowserPage({ beforeAll, afterAll });

    it('tells a throttled user how long to wait', async () => {
      const account = await createAccount(databaseUrl);
      await view.page.setExtraHTTPHeaders({ 'x-forwarded-for': uniqueAddress() });
      await view.page.goto(`${baseUrl}/sign-in`);
      for (let i = 0; i <= LIMIT; i += 1) {
        await view.page.getByLabel('E-mail').fill(account.email);
        await view.page.getByLabel('Password').fill(`wrong guess ${i}`);
        await Promise.all([
          view.page.waitForResponse((response) => response.url().endsWith('/api/auth/callback/credentials')),
          view.page.getByRole('button', { name: 'Sign in' }).click(),
        ]);
        await view.page.getByRole('button', { name: 'Sign in' }).waitFor();
      }
      await view.page.getByRole('alert').getByText(/^Too many attempts; try again in \d+ minutes?\.$/).waitFor();
    });
  });
});
