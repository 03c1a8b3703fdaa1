import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { seriousViolations } from '../helpers/axe';
import { comeFromOwnAddress, runSql, signUpAsAdmin, signUpAsVolunteer, useBrowserPeople } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

/** The critical and serious violations of the page as it is now, in the light and then the dark theme. */
async function inBothThemes(page: Page): Promise<{ light: string[]; dark: string[] }> {
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await seriousViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    return { light, dark: await seriousViolations(page) };
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
}

const NONE = { light: [], dark: [] };

/** The interface in Russian for this page's context from now on, as the header's language switcher sets it. */
async function inRussian(page: Page): Promise<void> {
  await page.context().addCookies([{ name: 'interface-language', value: 'ru', url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
}

/** Makes a collection with the form on /admin and opens its settings; the collection's id. */
async function createCollection(admin: Page, title: string): Promise<string> {
  await admin.goto(`${baseUrl}/admin`);
  await admin.getByLabel('New collection').fill(title);
  await admin.getByRole('button', { name: 'Create collection' }).click();
  await admin.getByRole('link', { name: `${title} →` }).click();
  await admin.waitForURL(/\/admin\/collections\/[0-9a-f-]{36}$/);
  await admin.getByRole('heading', { level: 1, name: title }).waitFor();
  return admin.url().split('/admin/collections/')[1] ?? '';
}

describe('the guided first run passes axe-core in the light and dark theme, in English and Russian', () => {
  const people = useBrowserPeople({ beforeAll, afterAll }, { databaseUrl });
  const title = `Accessible Letters ${people.suffix}`;
  let admin: Page;
  let collectionId = '';
  let token = '';

  beforeAll(async () => {
    admin = await people.open();
    await signUpAsAdmin(admin, { baseUrl, databaseUrl, name: 'Alma Admin', email: people.email('Alma Admin') });
    collectionId = await createCollection(admin, title);
  });

  afterAll(async () => {
    await runSql(databaseUrl, 'DELETE FROM collection WHERE title = $1', [title]);
  });

  it('the admin page with the getting-started list', async () => {
    await admin.goto(`${baseUrl}/admin`);
    await admin.getByRole('heading', { level: 2, name: 'Getting started' }).waitFor();
    expect(await inBothThemes(admin)).toEqual(NONE);
  });

  it('a collection’s settings: no works yet, a link just made, and the list of links', async () => {
    await admin.goto(`${baseUrl}/admin/collections/${collectionId}`);
    await admin.getByText('This collection has no works yet.').waitFor();
    const found: Record<string, { light: string[]; dark: string[] }> = { 'no links yet': await inBothThemes(admin) };
    await admin.getByLabel('Role').selectOption('EDITOR');
    await admin.getByRole('button', { name: 'Create link' }).click();
    const linkField = admin.getByRole('textbox', { name: 'Invitation link' });
    await linkField.waitFor();
    token = (await linkField.inputValue()).split('/join/')[1] ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    found['a link just made'] = await inBothThemes(admin);
    await admin.reload();
    await admin.getByRole('button', { name: 'Revoke' }).waitFor();
    found['the list of links'] = await inBothThemes(admin);
    expect(found).toEqual({ 'no links yet': NONE, 'a link just made': NONE, 'the list of links': NONE });
  });

  it('an invitation link, signed out, and the sign-up page it leads to', async () => {
    const newcomer = await people.open();
    await comeFromOwnAddress(newcomer);
    await newcomer.goto(`${baseUrl}/join/${token}`);
    await newcomer.getByRole('heading', { level: 1, name: `Join “${title}”` }).waitFor();
    const found: Record<string, { light: string[]; dark: string[] }> = { 'the link': await inBothThemes(newcomer) };
    await newcomer.goto(`${baseUrl}/sign-up?invitation=${token}`);
    await newcomer.getByText('Your account joins it as soon as it is created.', { exact: false }).waitFor();
    found['sign-up with the invitation'] = await inBothThemes(newcomer);
    expect(found).toEqual({ 'the link': NONE, 'sign-up with the invitation': NONE });
  });

  it('an invitation link, signed in', async () => {
    const volunteer = await people.open();
    await signUpAsVolunteer(volunteer, { baseUrl, name: 'Vera Volunteer', email: people.email('Vera Volunteer') });
    await volunteer.goto(`${baseUrl}/join/${token}`);
    await volunteer.getByRole('button', { name: 'Join the collection' }).waitFor();
    expect(await inBothThemes(volunteer)).toEqual(NONE);
  });

  it('in Russian: the admin page, the collection’s settings and the invitation link', async () => {
    await inRussian(admin);
    try {
      await admin.goto(`${baseUrl}/admin`);
      expect(await admin.locator('html').getAttribute('lang')).toBe('ru');
      await admin.locator('#getting-started-title').waitFor();
      const found: Record<string, { light: string[]; dark: string[] }> = { '/admin': await inBothThemes(admin) };
      if (process.env.INTERLINEAR_SCREENSHOTS) await admin.screenshot({ path: 'docs/screenshots/getting-started-ru.png', fullPage: true });
      await admin.goto(`${baseUrl}/admin/collections/${collectionId}`);
      await admin.locator('#invitations').waitFor();
      found['the collection’s settings'] = await inBothThemes(admin);

      const newcomer = await people.open();
      await comeFromOwnAddress(newcomer);
      await inRussian(newcomer);
      await newcomer.goto(`${baseUrl}/join/${token}`);
      expect(await newcomer.locator('html').getAttribute('lang')).toBe('ru');
      await newcomer.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor();
      found['/join'] = await inBothThemes(newcomer);
      expect(found).toEqual({ '/admin': NONE, 'the collection’s settings': NONE, '/join': NONE });
    } finally {
      await admin.context().clearCookies({ name: 'interface-language' });
    }
  });

  it('links that no longer work: expired, unknown, and the sign-up page of an expired one', async () => {
    // No page makes a link expire before its time: the clock is moved on in the database.
    await runSql(databaseUrl, `UPDATE collection_invitation SET expires_at = now() - interval '1 day' WHERE collection_id = $1`, [collectionId]);
    const late = await people.open();
    await comeFromOwnAddress(late);
    await late.goto(`${baseUrl}/join/${token}`);
    await late.getByText('This invitation link has expired.', { exact: false }).waitFor();
    const found: Record<string, { light: string[]; dark: string[] }> = { expired: await inBothThemes(late) };
    await late.goto(`${baseUrl}/join/${'x'.repeat(43)}`);
    await late.getByText('This invitation link is not valid.', { exact: false }).waitFor();
    found.unknown = await inBothThemes(late);
    await late.goto(`${baseUrl}/sign-up?invitation=${token}`);
    await late.locator('main').first().waitFor();
    found['sign-up with an expired link'] = await inBothThemes(late);
    expect(found).toEqual({ expired: NONE, unknown: NONE, 'sign-up with an expired link': NONE });
    expect(people.consoleErrors).toEqual([]);
  });
});

describe('an invitation link made and revoked by keyboard alone', () => {
  const people = useBrowserPeople({ beforeAll, afterAll }, { databaseUrl });
  const title = `Keyboard Letters ${people.suffix}`;

  /** Presses Tab until the focused element matches `selector` (at most `limit` times). */
  const tabTo = async (page: Page, selector: string, limit = 80): Promise<void> => {
    for (let presses = 0; presses < limit; presses++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    }
    throw new Error(`no ${selector} within ${limit} presses of Tab`);
  };
  const focused = (page: Page) => page.evaluate(() => ({ name: document.activeElement?.getAttribute('name') ?? null, value: (document.activeElement as HTMLInputElement | null)?.value ?? null }));

  afterAll(async () => {
    await runSql(databaseUrl, 'DELETE FROM collection WHERE title = $1', [title]);
  });

  it('chooses the role and expiry with the arrow keys, creates the link with Enter, and revokes it', async () => {
    const admin = await people.open();
    await signUpAsAdmin(admin, { baseUrl, databaseUrl, name: 'Kai Keys', email: people.email('Kai Keys') });
    const collectionId = await createCollection(admin, title);
    await admin.goto(`${baseUrl}/admin/collections/${collectionId}`);
    await admin.getByRole('heading', { level: 1, name: title }).waitFor();

    await tabTo(admin, 'select[name="role"]');
    await admin.keyboard.press('ArrowDown');
    expect(await focused(admin)).toEqual({ name: 'role', value: 'EDITOR' });
    await admin.keyboard.press('Tab');
    await admin.keyboard.press('ArrowDown');
    expect(await focused(admin)).toEqual({ name: 'expiresInDays', value: '30' });
    await admin.keyboard.press('Tab');
    await admin.keyboard.type('3');
    expect(await focused(admin)).toEqual({ name: 'maxUses', value: '3' });
    await admin.keyboard.press('Tab');
    expect(await admin.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Create link');
    await admin.keyboard.press('Enter');
    const linkField = admin.getByRole('textbox', { name: 'Invitation link' });
    await linkField.waitFor();
    const token = (await linkField.inputValue()).split('/join/')[1] ?? '';
    const stored = await runSql(
      databaseUrl,
      `SELECT ci.role, ci.max_uses, round(extract(epoch FROM ci.expires_at - ci.created_at) / 86400) AS days FROM collection_invitation ci JOIN collection c ON c.id = ci.collection_id WHERE c.title = $1`,
      [title],
    );
    expect(stored.rows).toEqual([{ role: 'EDITOR', max_uses: 3, days: '30' }]);

    // Revoke: the list's button, reached with Tab and pressed with Enter.
    await admin.getByRole('button', { name: 'Revoke' }).waitFor();
    await tabTo(admin, 'form:has(input[name="invitationId"]) button[type="submit"]');
    await admin.keyboard.press('Enter');
    await admin.getByText('Revoked', { exact: true }).waitFor();
    // Its button gone, the link's row holds the focus: Tab goes on from there.
    await expect.poll(() => admin.evaluate(() => (document.activeElement?.matches('li[data-invitation-id]') ? document.activeElement.textContent : null))).toMatch(/Revoked/);
    await expect
      .poll(async () => (await runSql(databaseUrl, 'SELECT ci.revoked_at IS NOT NULL AS revoked FROM collection_invitation ci JOIN collection c ON c.id = ci.collection_id WHERE c.title = $1', [title])).rows)
      .toEqual([{ revoked: true }]);

    // The revoked link says so, and the page passes axe-core in both themes.
    const late = await people.open();
    await comeFromOwnAddress(late);
    await late.goto(`${baseUrl}/join/${token}`);
    await late.getByText('This invitation link has been revoked.', { exact: false }).waitFor();
    expect(await inBothThemes(late)).toEqual(NONE);
    expect(people.consoleErrors).toEqual([]);
  });
});
