import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; `npx playwright install` cannot work on machines without internet. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
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

/** Creates an account through the sign-up form and waits until the page shows the new user signed in. */
export async function signUpThroughForm(page: Page, { baseUrl, name, email }: { baseUrl: string; name: string; email: string }): Promise<void> {
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('a good long password');
  await page.getByRole('button', { name: /create account|sign up/i }).click();
  await page.getByText(name).first().waitFor();
}

/**
 * Signs up `name` / `email` through the form and leaves the account a plain volunteer: the first
 * account of a database becomes admin by itself, and these are meant to be ordinary users.
 */
export async function signUpAsVolunteer(page: Page, { baseUrl, databaseUrl, name, email }: { baseUrl: string; databaseUrl: string; name: string; email: string }): Promise<void> {
  await signUpThroughForm(page, { baseUrl, name, email });
  await runSql(databaseUrl, `UPDATE "user" SET site_role = 'USER' WHERE email = $1`, [email]);
}

/**
 * Signs up `name` / `email` in the page and makes the account a site admin (roles are read from
 * the database on every request). The first account of a database becomes admin by itself, and
 * another browser test relies on taking that place: when this account was the first, the
 * returned function removes it again (its revisions keep their rows, without author).
 */
export async function signUpAsAdmin(page: Page, { baseUrl, databaseUrl, name, email }: { baseUrl: string; databaseUrl: string; name: string; email: string }): Promise<() => Promise<void>> {
  const isFirstAccount = Number((await runSql(databaseUrl, `SELECT count(*) AS count FROM "user"`)).rows[0]?.count) === 0;
  await signUpThroughForm(page, { baseUrl, name, email });
  const promoted = await runSql(databaseUrl, `UPDATE "user" SET site_role = 'ADMIN' WHERE email = $1`, [email]);
  if (promoted.rowCount !== 1) throw new Error(`could not make ${email} an admin`);
  return async () => {
    if (isFirstAccount) await runSql(databaseUrl, `DELETE FROM "user" WHERE email = $1`, [email]);
  };
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
