import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startAppServer, type AppServer } from '../helpers/app-server';
import { runSql, signUpThroughForm, useBrowserPage } from '../helpers/browser';
import { createScratchDatabase, openTestServer } from '../helpers/db';

describe('the first administrator of a new site', () => {
  // A server of its own on an empty database: the shared one has administrators made by other tests.
  let server: Awaited<ReturnType<typeof openTestServer>>;
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let app: AppServer;
  const view = useBrowserPage({ beforeAll, afterAll });
  const email = `founder-${randomBytes(4).toString('hex')}@example.org`;
  let setupUrl = '';

  beforeAll(async () => {
    server = await openTestServer();
    database = await createScratchDatabase(server.url, { prefix: 'interlinear_setup' });
    // Configured as `npm start` is by default.
    app = await startAppServer({ databaseUrl: database.url, dataDir: '.data/test-security-setup' });
  });

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
    await server?.stop();
  });

  const siteRoleOf = async (address: string) => (await runSql(database.url, `SELECT site_role FROM "user" WHERE email = $1`, [address])).rows[0]?.site_role as string | undefined;

  it('is set up with a one-time link the server prints when it starts', () => {
    const printed = /Set up the administrator: (\S+)/.exec(app.output)?.[1];
    expect(printed).toBeDefined();
    const url = new URL(printed as string);
    expect(url.origin).toBe(new URL(app.baseUrl).origin);
    expect(url.pathname).toBe('/setup');
    expect(url.searchParams.get('token')).toMatch(/^[\w-]{40,}$/);
    setupUrl = url.href;
  });

  it('is not whoever signs up first', async () => {
    await signUpThroughForm(view.page, { baseUrl: app.baseUrl, name: 'Early Bird', email });
    expect(await siteRoleOf(email)).toBe('USER');
    await view.page.goto(`${app.baseUrl}/admin`);
    await view.page.getByText('You do not manage any collection.').waitFor();
  });

  it('is whoever opens the link: here the signed-in account, made administrator', async () => {
    await view.page.goto(setupUrl);
    await view.page.getByRole('button', { name: 'Make this account the administrator' }).click();
    await view.page.waitForURL((url) => url.pathname === '/admin');
    expect(await siteRoleOf(email)).toBe('ADMIN');
  });

  it('the link works once', async () => {
    await view.page.context().clearCookies();
    await view.page.goto(setupUrl);
    await view.page.getByText(/has an administrator already/).waitFor();
    await runSql(database.url, `UPDATE "user" SET site_role = 'USER' WHERE email = $1`, [email]);
    await view.page.goto(setupUrl);
    await view.page.getByText(/has been used or has expired/).waitFor();
    expect(await view.page.getByLabel('Password').count()).toBe(0);
    await view.page.goto(`${app.baseUrl}/setup?token=${randomBytes(32).toString('base64url')}`);
    await view.page.getByText(/has been used or has expired/).waitFor();
  });
});
