import { randomUUID } from 'node:crypto';

import { runSql } from './browser';
import { hashPassword } from '../../lib/auth/password';

/** Creates an account directly in the app's database (for tests that speak HTTP, not the form). */
export async function createAccount(databaseUrl: string, { siteRole = 'USER' }: { siteRole?: 'USER' | 'ADMIN' } = {}): Promise<{ id: string; email: string; password: string }> {
  const email = `http-${randomUUID().slice(0, 8)}@example.org`;
  const password = `correct horse ${randomUUID()}`;
  const { rows } = await runSql(databaseUrl, `INSERT INTO "user" (id, email, name, password_hash, site_role) VALUES (gen_random_uuid(), $1, $2, $3, $4) RETURNING id`, [email, `HTTP tester ${email.slice(5, 13)}`, await hashPassword(password), siteRole]);
  return { id: String(rows[0]?.id), email, password };
}

/** Cookies of a response as one `Cookie` header value (name=value pairs only). */
function cookieHeader(response: Response, previous = ''): string {
  const jar = new Map(previous.split('; ').filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const index = pair.indexOf('=');
    if (index > 0) jar.set(pair.slice(0, index), pair.slice(index + 1));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/**
 * Signs in over HTTP as a browser's sign-in form does through next-auth (CSRF token, then the
 * credentials callback) and returns the Cookie header of the signed-in session.
 */
export async function signInOverHttp(baseUrl: string, { email, password }: { email: string; password: string }): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  let cookie = cookieHeader(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: baseUrl, 'x-auth-return-redirect': '1' },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: `${baseUrl}/` }),
  });
  cookie = cookieHeader(response, cookie);
  if (!/session-token=/.test(cookie)) throw new Error(`sign-in of ${email} failed with ${response.status}`);
  return cookie;
}
