import { randomBytes } from 'node:crypto';

import { runSql } from './browser';
import { hashPassword } from '../../lib/auth/password';

/** An account made directly in the app's database (argon2id hash as sign-up makes it), for tests about signing in. */
export async function createAccount(databaseUrl: string, { email = `account-${randomBytes(5).toString('hex')}@example.org`, password = 'a good long password', name = 'Test Account' } = {}): Promise<{ id: string; email: string; password: string }> {
  const result = await runSql(databaseUrl, `INSERT INTO "user" (id, email, name, password_hash) VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id`, [email, name, await hashPassword(password)]);
  return { id: String(result.rows[0]?.id), email, password };
}

/** The `name=value` pairs of a response's Set-Cookie headers. */
function cookiesOf(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((line) => {
    const pair = line.split(';')[0] ?? '';
    const index = pair.indexOf('=');
    return [pair.slice(0, index), pair.slice(index + 1)] as [string, string];
  }));
}

/** next-auth's CSRF token and the cookie that goes with it (every POST to /api/auth needs both). */
export async function csrfOf(baseUrl: string, { address, cookie = '' }: { address: string; cookie?: string }): Promise<{ csrfToken: string; cookie: string }> {
  const response = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { 'x-forwarded-for': address, cookie } });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const csrfCookie = [...cookiesOf(response)].find(([name]) => name.includes('csrf-token'));
  return { csrfToken, cookie: [cookie, csrfCookie ? `${csrfCookie[0]}=${csrfCookie[1]}` : ''].filter(Boolean).join('; ') };
}

export interface SignInAnswer {
  status: number;
  /** Where next-auth sends the browser next. */
  url: string;
  /** next-auth's error (`CredentialsSignin`, `RateLimited:<seconds>`, …), or null on success. */
  error: string | null;
  /** `next-auth.session-token=…` when a session began, else null. */
  sessionCookie: string | null;
  /** The Set-Cookie line of the session cookie, with its attributes. */
  sessionCookieLine: string | null;
}

/**
 * Signs in over HTTP as next-auth's `signIn('credentials', { redirect: false })` does: CSRF token
 * first, then the credentials callback with `json=true`, from `address` (X-Forwarded-For: the
 * test app trusts one proxy).
 */
export async function signInOverHttp(baseUrl: string, { email, password, address, callbackUrl = '/' }: { email: string; password: string; address: string; callbackUrl?: string }): Promise<SignInAnswer> {
  const csrf = await csrfOf(baseUrl, { address });
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie, 'x-forwarded-for': address },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, callbackUrl, json: 'true' }),
  });
  const { url } = (await response.json()) as { url: string };
  const session = [...cookiesOf(response)].find(([name]) => name.endsWith('next-auth.session-token'));
  const sessionCookieLine = response.headers.getSetCookie().find((line) => line.includes('next-auth.session-token=')) ?? null;
  return { status: response.status, url, error: new URL(url).searchParams.get('error'), sessionCookie: session ? `${session[0]}=${session[1]}` : null, sessionCookieLine };
}

/** Signs out over HTTP as next-auth's `signOut` does (POST with the CSRF token); returns where it sends the browser. */
export async function signOutOverHttp(baseUrl: string, { sessionCookie, address, callbackUrl = '/' }: { sessionCookie: string; address: string; callbackUrl?: string }): Promise<{ status: number; url: string; clearsSession: boolean }> {
  const csrf = await csrfOf(baseUrl, { address, cookie: sessionCookie });
  const response = await fetch(`${baseUrl}/api/auth/signout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie, 'x-forwarded-for': address },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl, json: 'true' }),
  });
  const { url } = (await response.json()) as { url: string };
  const clearsSession = response.headers.getSetCookie().some((line) => line.startsWith('next-auth.session-token=;') || /next-auth\.session-token=[^;]*;.*Max-Age=0/i.test(line));
  return { status: response.status, url, clearsSession };
}
