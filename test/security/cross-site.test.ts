import http from 'node:http';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { launchBrowser, runSql } from '../helpers/browser';
import { createAccount, signInOverHttp } from '../helpers/http-session';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

/**
 * A page on another origin of the same site (same host, another port: cookies marked
 * SameSite=Lax are still sent with its requests), trying to make the signed-in visitor publish a
 * suggestion with a plain HTML form and with a `no-cors` fetch, as a forger would.
 */
function attackerPage(target: { segmentId: string; baseRevisionId: string }, marker: string): string {
  const body = JSON.stringify({ segmentId: target.segmentId, language: 'fr', text: `${marker} (fetch)`, baseRevisionId: target.baseRevisionId });
  return `<!doctype html><html><body>
<form id="f" method="POST" action="${baseUrl}/api/suggestions" enctype="text/plain" target="sink">
  <input name='${body.slice(0, -1)},"pad":"' value='"}'>
</form>
<form id="g" method="POST" action="${baseUrl}/api/suggestions" target="sink2">
  <input name="segmentId" value="${target.segmentId}"><input name="language" value="fr">
  <input name="text" value="${marker} (urlencoded)"><input name="baseRevisionId" value="${target.baseRevisionId}">
</form>
<iframe name="sink"></iframe><iframe name="sink2"></iframe>
<script>
  window.attempts = Promise.all([
    fetch(${JSON.stringify(`${baseUrl}/api/suggestions`)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(body.replace('(fetch)', '(no-cors)'))} }).catch(() => null),
    fetch(${JSON.stringify(`${baseUrl}/api/suggestions`)}, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: ${JSON.stringify(body)} }).catch(() => null),
  ]);
  document.getElementById('f').submit();
  setTimeout(() => document.getElementById('g').submit(), 50);
</script></body></html>`;
}

describe('cross-site requests are refused', () => {
  let attacker: http.Server;
  let attackerUrl = '';
  let target = { segmentId: '', baseRevisionId: '' };
  let account = { id: '', email: '', password: '' };
  let cookie = '';

  beforeAll(async () => {
    const found = await runSql(
      databaseUrl,
      `SELECT s.id, st.published_revision_id FROM segment s JOIN segment_text st ON st.segment_id = s.id
        WHERE st.language = 'fr' AND s.kind = 'SENTENCE' AND st.published_revision_id IS NOT NULL ORDER BY s.order_key LIMIT 1`,
    );
    target = { segmentId: String(found.rows[0]?.id), baseRevisionId: String(found.rows[0]?.published_revision_id) };
    account = await createAccount(databaseUrl);
    cookie = await signInOverHttp(baseUrl, account);
    let page = '';
    attacker = http.createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(page));
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    const address = attacker.address();
    attackerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    page = attackerPage(target, 'Forged');
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => attacker.close(() => resolve()));
  });

  const suggestionsOf = async (userId: string) => (await runSql(databaseUrl, `SELECT text FROM suggestion WHERE author_id = $1`, [userId])).rows.map((row) => String(row.text));

  it('a page of a sibling origin cannot make a signed-in visitor publish anything, by form or by fetch', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      const app = new URL(baseUrl);
      await context.addCookies(cookie.split('; ').map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), domain: app.hostname, path: '/', sameSite: 'Lax' as const })));
      const page = await context.newPage();
      await page.goto(attackerUrl);
      await page.evaluate(() => (window as unknown as { attempts: Promise<unknown> }).attempts);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      expect(await suggestionsOf(account.id)).toEqual([]);

      // The same visitor on the app's own pages can suggest as usual.
      const own = await context.newPage();
      await own.goto(`${baseUrl}/`);
      const status = await own.evaluate(
        async ({ segmentId, baseRevisionId }) => (await fetch('/api/suggestions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ segmentId, language: 'fr', text: 'Suggested from the app itself.', baseRevisionId }) })).status,
        target,
      );
      expect(status).toBe(201);
      expect(await suggestionsOf(account.id)).toEqual(['Suggested from the app itself.']);
    } finally {
      await browser.close();
    }
  });

  it('refuses an API request naming another origin even with a valid session cookie', async () => {
    const post = (headers: Record<string, string>, body = JSON.stringify({ segmentId: target.segmentId, language: 'fr', text: 'Forged by a script.', baseRevisionId: target.baseRevisionId })) =>
      fetch(`${baseUrl}/api/suggestions`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body });
    const evil = await post({ origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    expect(await evil.json()).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.stringMatching(/another site/) } });
    expect((await post({ 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ 'content-type': 'text/plain' })).status).toBe(415);
    expect(await suggestionsOf(account.id)).not.toContain('Forged by a script.');
  });
});
