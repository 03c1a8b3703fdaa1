import { randomBytes } from 'node:crypto';

import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';

import { uniqueAddress } from './addresses';

/**
 * Debian's Chromium; `npx playwright install` cannot work on machines without internet. Pages
 * open in English (`--lang`, hence Accept-Language) unless a test's context asks for another locale.
 */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--lang=en-US', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Collects console errors and uncaught page errors so a test can assert there are none. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Runs one statement on the app's database: the setup no page can do. */
export async function runSql(databaseUrl: string, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/**
 * Gives the page a network address of its own from now on. The app of the browser tests trusts
 * one proxy (TRUST_PROXY=1, see test/browser/global-setup.ts), so X-Forwarded-For is the
 * address its limits count: the many accounts the suite signs up from 127.0.0.1 then stay within
 * the sign-up limits, which the security tests check at their real values.
 */
export async function comeFromOwnAddress(page: Page): Promise<string> {
  const address = uniqueAddress();
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': address });
  return address;
}

/** Creates an account through the sign-up form and waits until the page shows the new user signed in. */
export async function signUpThroughForm(page: Page, { baseUrl, name, email }: { baseUrl: string; name: string; email: string }): Promise<void> {
  await comeFromOwnAddress(page);
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('a good long password');
  await page.getByRole('button', { name: /create account|sign up/i }).click();
  await page.getByText(name).first().waitFor();
}

/** Signs up `name` / `email` through the form: a plain volunteer, as every new account is. */
export async function signUpAsVolunteer(page: Page, { baseUrl, name, email }: { baseUrl: string; databaseUrl?: string; name: string; email: string }): Promise<void> {
  await signUpThroughForm(page, { baseUrl, name, email });
}

/**
 * Signs up `name` / `email` in the page and makes the account a site admin through the database
 * (roles are read from it on every request), as the one-time set-up link would.
 */
export async function signUpAsAdmin(page: Page, { baseUrl, databaseUrl, name, email }: { baseUrl: string; databaseUrl: string; name: string; email: string }): Promise<void> {
  await signUpThroughForm(page, { baseUrl, name, email });
  const promoted = await runSql(databaseUrl, `UPDATE "user" SET site_role = 'ADMIN' WHERE email = $1`, [email]);
  if (promoted.rowCount !== 1) throw new Error(`could not make ${email} an admin`);
}

/**
 * One Chromium page (1280 × 900) for a describe block, opened before its tests and closed after,
 * with the console errors it collects. Read `page` and `consoleErrors` inside tests.
 */
export function useBrowserPage(hooks: { beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void }): { readonly page: Page; readonly consoleErrors: string[] } {
  let browser: Browser | undefined;
  const state: { page?: Page; consoleErrors: string[] } = { consoleErrors: [] };
  hooks.beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    state.page = await context.newPage();
    state.consoleErrors = collectConsoleErrors(state.page);
  });
  hooks.afterAll(async () => {
    await browser?.close();
  });
  return {
    get page() {
      if (!state.page) throw new Error('the browser page is opened in beforeAll');
      return state.page;
    },
    get consoleErrors() {
      return state.consoleErrors;
    },
  };
}

/**
 * Several people at once for a describe block, each in a Chromium page (1280 × 900) of a context
 * of their own: the browser opens before the block's tests; after them it closes and the accounts
 * of the addresses made with `email` are deleted, so no test leaves an account behind.
 * `consoleErrors` holds the console errors of every page opened.
 */
export function useBrowserPeople(
  hooks: { beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void },
  { databaseUrl }: { databaseUrl: string },
): { open: () => Promise<Page>; email: (name: string) => string; readonly suffix: string; readonly consoleErrors: string[] } {
  let browser: Browser | undefined;
  const suffix = randomBytes(4).toString('hex');
  const emails: string[] = [];
  const errors: string[][] = [];
  hooks.beforeAll(async () => {
    browser = await launchBrowser();
  });
  hooks.afterAll(async () => {
    await browser?.close();
    if (emails.length > 0) await runSql(databaseUrl, `DELETE FROM "user" WHERE email = ANY($1::text[])`, [emails]);
  });
  return {
    async open() {
      if (!browser) throw new Error('pages are opened once the browser is, in beforeAll or a test');
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      errors.push(collectConsoleErrors(page));
      return page;
    },
    /** An address unique to this run for a person ("Nina Newcomer" → nina-<suffix>@example.org). */
    email(name) {
      const email = `${name.split(' ')[0]?.toLowerCase()}-${suffix}@example.org`;
      emails.push(email);
      return email;
    },
    suffix,
    get consoleErrors() {
      return errors.flat();
    },
  };
}
