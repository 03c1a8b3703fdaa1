import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { uniqueAddress } from '../helpers/addresses';
import { createAccount, csrfOf, signInOverHttp } from '../helpers/auth-http';
import { comeFromOwnAddress, useBrowserPage } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

/** `callbackUrl` values (as sent in a query string) that would lead a browser off the site: they lead home. */
const OFF_SITE = ['/%09/evil.example', '//evil.example', '/%5Cevil.example', '%5C%5Cevil.example', '/.//evil.example', '/%0A/evil.example', 'javascript:alert(1)', 'https://evil.example/'];
/** Values that would break a Location header: they must stay on the site and answer normally. */
const HEADER_BREAKERS = ['%0A', '/%0D%0ALocation:%20https://evil.example'];
const VECTORS = [...OFF_SITE, ...HEADER_BREAKERS];

/** Where a browser goes with this Location (or URL), resolved as it resolves one. */
const landing = (location: string | null) => new URL(location ?? '', baseUrl);
const isOnSite = (location: string | null) => landing(location).origin === new URL(baseUrl).origin && !landing(location).pathname.startsWith('//');
/** Home for the vectors that lead off the site, somewhere on the site for the others. */
const isSafe = (vector: string, location: string | null) => isOnSite(location) && (!OFF_SITE.includes(vector) || landing(location).pathname === '/');

describe('callbackUrl', () => {
  let sessionCookie = '';

  beforeAll(async () => {
    const account = await createAccount(databaseUrl);
    sessionCookie = (await signInOverHttp(baseUrl, { ...account, address: uniqueAddress() })).sessionCookie ?? '';
    expect(sessionCookie).not.toBe('');
  });

  it('on the sign-in page of a signed-in user leads to this site only, and never fails', async () => {
    for (const vector of VECTORS) {
      const response = await fetch(`${baseUrl}/sign-in?callbackUrl=${vector}`, { redirect: 'manual', headers: { cookie: sessionCookie } });
      expect(response.status, vector).toBeGreaterThanOrEqual(300);
      expect(response.status, vector).toBeLessThan(400);
      expect(isSafe(vector, response.headers.get('location')), `${vector} → ${response.headers.get('location')}`).toBe(true);
    }
    // A same-site path is kept.
    const kept = await fetch(`${baseUrl}/sign-in?callbackUrl=%2Fimport%3Ffrom%3Dhere`, { redirect: 'manual', headers: { cookie: sessionCookie } });
    expect(landing(kept.headers.get('location')).href).toBe(new URL('/import?from=here', baseUrl).href);
  });

  it('on next-auth’s own endpoints leads to this site only, and never fails', async () => {
    const address = uniqueAddress();
    const account = await createAccount(databaseUrl);
    for (const vector of VECTORS) {
      const signInPage = await fetch(`${baseUrl}/api/auth/signin?callbackUrl=${vector}`, { redirect: 'manual' });
      expect(signInPage.status, vector).toBeLessThan(400);
      const next = landing(signInPage.headers.get('location'));
      expect(next.pathname, vector).toBe('/sign-in');
      expect(isSafe(vector, next.searchParams.get('callbackUrl')), `${vector} → ${next.href}`).toBe(true);

      const decoded = decodeURIComponent(vector);
      const signedIn = await signInOverHttp(baseUrl, { ...account, address, callbackUrl: decoded });
      expect(signedIn.status, vector).toBe(200);
      expect(isSafe(vector, signedIn.url), `${vector} → ${signedIn.url}`).toBe(true);

      const csrf = await csrfOf(baseUrl, { address });
      const signOut = await fetch(`${baseUrl}/api/auth/signout?callbackUrl=${vector}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie, 'x-forwarded-for': address },
        body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl: decoded, json: 'true' }),
      });
      expect(signOut.status, vector).toBe(200);
      expect(isSafe(vector, ((await signOut.json()) as { url: string }).url), vector).toBe(true);
    }
  });

  describe('in the sign-in form', () => {
    const view = useBrowserPage({ beforeAll, afterAll });

    it('leads a user who signs in to this site only', async () => {
      await comeFromOwnAddress(view.page);
      const account = await createAccount(databaseUrl);
      for (const vector of ['/%09/evil.example', '/.//evil.example']) {
        await view.page.context().clearCookies();
        await view.page.goto(`${baseUrl}/sign-in?callbackUrl=${vector}`);
        await view.page.getByLabel('E-mail').fill(account.email);
        await view.page.getByLabel('Password').fill(account.password);
        await view.page.getByRole('button', { name: 'Sign in' }).click();
        await view.page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
        expect(isSafe(vector, view.page.url()), `${vector} → ${view.page.url()}`).toBe(true);
      }
    });
  });
});
