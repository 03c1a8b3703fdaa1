import { randomBytes } from 'node:crypto';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { collectConsoleErrors, launchBrowser, runSql, signUpThroughForm } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

describe('the interface speaks the reader’s language', () => {
  let browser: Browser;
  const emails: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    if (emails.length > 0) await runSql(databaseUrl, 'DELETE FROM "user" WHERE email = ANY($1)', [emails]);
  });

  it('opens in Russian for a Russian browser, and in English once English is chosen in the header', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(`${baseUrl}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await page.getByRole('heading', { level: 1, name: 'Библиотека' }).waitFor();
    await page.getByRole('navigation', { name: 'Основные разделы' }).getByRole('link', { name: 'Библиотека' }).waitFor();
    await page.getByRole('link', { name: 'Войти' }).waitFor();
    await page.getByRole('link', { name: 'Зарегистрироваться' }).waitFor();
    expect(await page.getByRole('searchbox', { name: 'Поиск по библиотеке' }).count()).toBe(1);
    // The demo work's card: its original language in Russian.
    await page.getByText(/^Язык оригинала: /u).first().waitFor();

    // The switcher is a plain form: it works with no script, and comes back to the same page.
    await page.goto(`${baseUrl}/search`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForURL(`${baseUrl}/search`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect((await context.cookies()).find((cookie) => cookie.name === 'interface-language')).toMatchObject({ value: 'en', httpOnly: true, sameSite: 'Lax' });
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    // The cookie holds on the next visit, over the browser's Russian.
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a signed-in reader’s setting wins over the browser and the header’s cookie', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    const email = `varvara-${randomBytes(4).toString('hex')}@example.org`;
    emails.push(email);
    await signUpThroughForm(page, { baseUrl, name: 'Varvara Language', email });

    await page.goto(`${baseUrl}/account`);
    await page.getByLabel('Language', { exact: true }).selectOption('ru');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Учётная запись' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await expect(runSql(databaseUrl, 'SELECT interface_language FROM "user" WHERE email = $1', [email]).then((result) => result.rows[0])).resolves.toEqual({ interface_language: 'ru' });

    // A cookie saying English and an English browser do not override the account.
    await context.addCookies([{ name: 'interface-language', value: 'en', url: baseUrl }]);
    await page.goto(`${baseUrl}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await page.getByRole('heading', { level: 1, name: 'Библиотека' }).waitFor();
    await page.getByRole('button', { name: 'Выйти' }).waitFor();

    // The header's switcher, used while signed in, changes the account's setting too.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await expect(runSql(databaseUrl, 'SELECT interface_language FROM "user" WHERE email = $1', [email]).then((result) => result.rows[0])).resolves.toEqual({ interface_language: 'en' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('goes back only to a page of this site, and refuses a choice sent from another site', async () => {
    const context = await browser.newContext();
    const elsewhere = await context.request.post(`${baseUrl}/api/interface-language`, { multipart: { language: 'ru', returnTo: '/\t/evil.example/' }, maxRedirects: 0 });
    expect(elsewhere.status()).toBe(303);
    expect(elsewhere.headers()['location']).toBe('/');
    const back = await context.request.post(`${baseUrl}/api/interface-language`, { multipart: { language: 'ru', returnTo: '/search?q=lamp' }, maxRedirects: 0 });
    expect(back.headers()['location']).toBe('/search?q=lamp');
    const crossSite = await context.request.post(`${baseUrl}/api/interface-language`, { multipart: { language: 'ru' }, headers: { 'sec-fetch-site': 'cross-site' }, maxRedirects: 0 });
    expect(crossSite.status()).toBe(403);
    expect(crossSite.headers()['set-cookie']).toBeUndefined();
    const unknown = await context.request.post(`${baseUrl}/api/interface-language`, { multipart: { language: 'xx' }, maxRedirects: 0 });
    expect(unknown.status()).toBe(422);
    await context.close();
  });
});
