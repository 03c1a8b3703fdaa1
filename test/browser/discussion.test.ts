import { randomBytes } from 'node:crypto';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { collectConsoleErrors, launchBrowser, runSql, signUpAsVolunteer } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

interface Person {
  name: string;
  email: string;
  page: Page;
  consoleErrors: string[];
}

describe('a volunteer mentions an editor in a segment’s discussion', () => {
  let browser: Browser;
  const people: Person[] = [];
  const suffix = randomBytes(4).toString('hex');
  let segmentId = '';

  /** Signs up in a browser context of its own, as a plain volunteer. */
  const signUp = async (name: string): Promise<Person> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const person: Person = { name, email: `${name.split(' ')[0]?.toLowerCase()}-${suffix}@example.org`, page, consoleErrors: collectConsoleErrors(page) };
    people.push(person);
    await signUpAsVolunteer(page, { baseUrl, databaseUrl, name, email: person.email });
    return person;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    const found = await runSql(
      databaseUrl,
      `SELECT s.id FROM segment s JOIN work w ON w.id = s.work_id WHERE w.title LIKE 'The Lamplighter%' AND s.kind = 'SENTENCE' ORDER BY s.order_key LIMIT 1 OFFSET 2`,
    );
    segmentId = String(found.rows[0]?.id ?? '');
  });

  afterAll(async () => {
    await browser?.close();
    // Leave the demo as it was: no discussion, and no account.
    if (segmentId) await runSql(databaseUrl, `DELETE FROM comment WHERE segment_id = $1`, [segmentId]);
    if (people.length > 0) await runSql(databaseUrl, `DELETE FROM "user" WHERE email = ANY($1::text[])`, [people.map((person) => person.email)]);
  });

  it('shows anyone the discussion page and asks them to sign in to take part', async () => {
    expect(segmentId).not.toBe('');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/s/${segmentId}/discussion`);
    await page.getByRole('heading', { name: 'Discussion', exact: true }).waitFor();
    await expect(page.getByText('No one has discussed this passage yet.').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Sign in', exact: true }).last().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('combobox', { name: 'New comment' }).count()).resolves.toBe(0);
    await context.close();
  });

  it('lets a volunteer pick the editor from the autocomplete and post the comment', async () => {
    const theo = await signUp('Theo Thread');
    await runSql(databaseUrl, `INSERT INTO collection_member (collection_id, user_id, role) SELECT w.collection_id, u.id, 'EDITOR' FROM segment s JOIN work w ON w.id = s.work_id, "user" u WHERE s.id = $1 AND u.email = $2`, [
      segmentId,
      theo.email,
    ]);
    const nora = await signUp('Nora Notes');
    await nora.page.goto(`${baseUrl}/s/${segmentId}/discussion`);
    const box = nora.page.getByRole('combobox', { name: 'New comment' });
    await box.click();
    await box.pressSequentially('Is this right, @The');
    const option = nora.page.getByRole('option', { name: 'Theo Thread' });
    await option.waitFor();
    await box.press('Enter');
    await expect(box.inputValue()).resolves.toBe('Is this right, @Theo Thread ');
    await box.pressSequentially('?');
    await nora.page.getByRole('button', { name: 'Comment', exact: true }).click();
    const mention = nora.page.locator('[data-comment] [data-mention]', { hasText: '@Theo Thread' });
    await mention.waitFor();
    await expect(box.inputValue()).resolves.toBe('');
  });

  it('shows the editor an unread badge, the notification and the comment, which they resolve', async () => {
    const theo = people[0] as Person;
    await theo.page.goto(`${baseUrl}/`);
    const badge = theo.page.getByRole('link', { name: 'Notifications, 1 unread' });
    await badge.waitFor();
    await badge.click();
    const notification = theo.page.getByRole('link', { name: /Nora Notes mentioned you in a discussion of “The Lamplighter’s Almanac”/ });
    await notification.waitFor();
    await notification.click();
    await theo.page.waitForURL(new RegExp(`/s/${segmentId}/discussion#comment-`));
    await theo.page.getByText('Is this right,').waitFor();
    await theo.page.getByRole('button', { name: 'Resolve' }).click();
    await theo.page.getByText('1 resolved thread').waitFor();
    await expect.poll(async () => (await runSql(databaseUrl, `SELECT count(*) AS n FROM notification n JOIN "user" u ON u.id = n.user_id WHERE u.email = $1 AND n.read_at IS NULL`, [theo.email])).rows[0]?.n, { timeout: 10_000 }).toBe('0');
  });

  it('logged no console errors on the way', () => {
    expect(people.flatMap((person) => person.consoleErrors)).toEqual([]);
  });
});
