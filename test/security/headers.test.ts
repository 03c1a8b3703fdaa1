import { describe, expect, inject, it } from 'vitest';

import { collectConsoleErrors, launchBrowser, runSql } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name = '', ...values]) => [name, values]));
}

describe('security headers on every response', () => {
  it('sends a nonce-based Content-Security-Policy that Next stamps on its scripts, and the other headers', async () => {
    const first = await fetch(`${baseUrl}/`);
    const second = await fetch(`${baseUrl}/`);
    const policy = directives(first.headers.get('content-security-policy') ?? '');
    const scriptSrc = policy.get('script-src') ?? [];
    const nonce = scriptSrc.find((value) => value.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    // A fresh nonce per response.
    expect(second.headers.get('content-security-policy')).not.toContain(`'nonce-${nonce}'`);

    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    for (const response of [first, await fetch(`${baseUrl}/api/health`), await fetch(`${baseUrl}/sign-in`)]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      // Served over plain http here: browsers would ignore HSTS, and it is not sent.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('pages run under the policy without a single violation: the reader hydrates and reads on', async () => {
    const found = await runSql(databaseUrl, `SELECT id FROM work ORDER BY created_at LIMIT 1`);
    const workId = String(found.rows[0]?.id);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors = collectConsoleErrors(page);
      const violations: string[] = [];
      await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          void (window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      for (const path of ['/', `/works/${workId}`, `/works/${workId}/read?mode=parallel`, '/sign-in', '/sign-up']) {
        await page.goto(`${baseUrl}${path}`);
        await page.waitForLoadState('networkidle');
      }
      // Client components work (their scripts ran): the sign-up form validates in the browser.
      await page.getByLabel('E-mail').fill('not an address');
      expect(violations).toEqual([]);
      expect(errors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('refuses to be framed by another page', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors = collectConsoleErrors(page);
      await page.setContent(`<iframe src="${baseUrl}/" width="400" height="300"></iframe>`);
      await page.waitForTimeout(1_000);
      const frame = page.frames().find((candidate) => candidate.url().startsWith(baseUrl));
      const hasContent = frame ? await frame.evaluate(() => document.body?.innerText.length ?? 0).catch(() => 0) : 0;
      expect(hasContent).toBe(0);
      expect(errors.some((text) => /frame-ancestors|Refused to (display|frame)/i.test(text))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
