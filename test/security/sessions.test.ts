import { describe, expect, inject, it } from 'vitest';

import { SESSION_IDLE_SECONDS } from '../../lib/config/limits';
import { uniqueAddress } from '../helpers/addresses';
import { createAccount, signInOverHttp, signOutOverHttp } from '../helpers/auth-http';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

/** A request that needs a signed-in user: one's own suggestions. */
const ownSuggestions = (cookie: string) => fetch(`${baseUrl}/api/suggestions/mine`, { headers: { cookie } });

/** The account a collaboration token minted with `cookie` opens documents as (null: a guest). */
async function collabUser(cookie: string): Promise<string | null> {
  const response = await fetch(`${baseUrl}/api/collab/token`, { method: 'POST', headers: { cookie, origin: baseUrl, 'content-type': 'application/json' }, body: '{}' });
  expect(response.status).toBe(200);
  const { token } = (await response.json()) as { token: string };
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub: string | null };
  return payload.sub;
}

describe('a session', () => {
  it('stops working once it signs out, even when its cookie is kept and sent again', async () => {
    const account = await createAccount(databaseUrl);
    const address = uniqueAddress();
    const { sessionCookie } = await signInOverHttp(baseUrl, { ...account, address });
    expect(sessionCookie).not.toBeNull();
    const cookie = sessionCookie as string;
    expect((await ownSuggestions(cookie)).status).toBe(200);
    expect(await collabUser(cookie)).toBe(account.id);
    expect(await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } })).json()).toMatchObject({ user: { email: account.email } });

    const signedOut = await signOutOverHttp(baseUrl, { sessionCookie: cookie, address });
    expect(signedOut.status).toBe(200);

    // The kept cookie: refused by routes, by the session endpoint (which clears it), by the collaboration token route.
    expect((await ownSuggestions(cookie)).status).toBe(401);
    const session = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } });
    expect(await session.json()).toEqual({});
    expect(session.headers.getSetCookie().some((line) => /^next-auth\.session-token=;/.test(line) || /next-auth\.session-token=.*Max-Age=0/i.test(line))).toBe(true);
    expect(await collabUser(cookie)).toBeNull();
    const page = await fetch(`${baseUrl}/account`, { headers: { cookie }, redirect: 'manual' });
    expect(page.headers.get('location')).toMatch(/\/sign-in/);

    // Signing in again starts a new session.
    const again = await signInOverHttp(baseUrl, { ...account, address });
    expect((await ownSuggestions(again.sessionCookie as string)).status).toBe(200);
  });

  it('is renewed on use for a few more days at a time, not a month', async () => {
    const account = await createAccount(databaseUrl);
    const { sessionCookie } = await signInOverHttp(baseUrl, { ...account, address: uniqueAddress() });
    const renewal = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: sessionCookie as string } });
    const line = renewal.headers.getSetCookie().find((candidate) => candidate.startsWith('next-auth.session-token='));
    expect(line?.split(';')[0]).not.toBe(sessionCookie);
    const expires = Date.parse(/Expires=([^;]+)/i.exec(line ?? '')?.[1] ?? '');
    expect((expires - Date.now()) / 1000).toBeLessThanOrEqual(SESSION_IDLE_SECONDS + 60);
    expect((expires - Date.now()) / 1000).toBeGreaterThan(SESSION_IDLE_SECONDS - 120);
  });
});
