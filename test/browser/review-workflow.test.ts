import { randomBytes } from 'node:crypto';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { collectConsoleErrors, launchBrowser, runSql, signUpAsVolunteer } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

const ORIGINAL = 'On calm evenings he wrote only a line.';
const SUGGESTED = 'On calm nights he wrote only a short line.';
/** What the editor publishes after turning down the second change ("short"). */
const PUBLISHED = 'On calm nights he wrote only a line.';
const REPORT = 'Should it not be “evenings”, as in the printed edition?';

describe('a volunteer suggests, an editor approves part of it, and every reader sees the result', () => {
  let browser: Browser;
  const suffix = randomBytes(4).toString('hex');
  const emails: string[] = [];
  let workId = '';
  let volunteer: Page;
  let editor: Page;
  const consoleErrors: string[][] = [];

  const signUp = async (name: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    consoleErrors.push(collectConsoleErrors(page));
    const email = `${name.split(' ')[0]?.toLowerCase()}-${suffix}@example.org`;
    emails.push(email);
    await signUpAsVolunteer(page, { baseUrl, databaseUrl, name, email });
    return page;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    const work = await runSql(databaseUrl, `SELECT id FROM work WHERE title LIKE 'The Lamplighter%' ORDER BY created_at LIMIT 1`);
    workId = String(work.rows[0]?.id);
    volunteer = await signUp('Vera Volunteer');
    editor = await signUp('Eli Editor');
    await runSql(databaseUrl, `INSERT INTO collection_member (collection_id, user_id, role) SELECT w.collection_id, u.id, 'EDITOR' FROM work w, "user" u WHERE w.id = $1 AND u.email = $2`, [workId, emails[1]]);
  });

  afterAll(async () => {
    await browser?.close();
    // Leave no account behind.
    await runSql(databaseUrl, `DELETE FROM "user" WHERE email = ANY($1::text[])`, [emails]);
  });

  it('the volunteer corrects a sentence of the original and submits it from the keyboard', async () => {
    await volunteer.goto(`${baseUrl}/works/${workId}/edit?lang=en`);
    await expect.poll(() => volunteer.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 20_000 }).toBe('saved');
    const draft = volunteer.locator('textarea[data-draft]').filter({ hasText: ORIGINAL });
    await draft.waitFor();
    await draft.fill(SUGGESTED);
    await expect.poll(() => volunteer.locator('[data-save-state]').getAttribute('data-save-state')).toBe('saved');
    await draft.focus();
    await volunteer.keyboard.press('Control+Shift+Enter');
    await volunteer.locator('[data-editor-notice="success"]').getByText('submitted for review').waitFor();
  });

  it('the editor finds it in the queue, turns one change down with a reason and approves the rest', async () => {
    await editor.goto(`${baseUrl}/`);
    await editor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
    await editor.waitForURL(/\/review$/);
    const card = editor.locator('[data-suggestion]').filter({ hasText: 'nights' });
    await card.waitFor();
    await expect(card.getByRole('link', { name: 'Vera Volunteer' }).isVisible()).resolves.toBe(true);
    // Two changes: "evenings → nights" and the added "short"; the second is not in the original.
    await expect(card.locator('[data-hunk]').count()).resolves.toBe(2);
    await card.locator('[data-hunk="1"]').click();
    await expect(card.locator('[data-hunk="1"]').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(card.getByLabel(/Why .* is turned down/).inputValue()).resolves.toBe('NOT_IN_ORIGINAL');
    if (process.env.INTERLINEAR_SCREENSHOTS) await editor.screenshot({ path: 'docs/screenshots/review.png' });
    // "A" approves the selected suggestion (focus is on the change just clicked, not in a text field).
    await editor.keyboard.press('a');
    await card.waitFor({ state: 'detached' });
    await expect(editor.locator('[data-review-announcement]').textContent()).resolves.toContain('Published');
  });

  it('an anonymous reader sees the published text at once, and reports an error the editors then handle', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const reader = await context.newPage();
    consoleErrors.push(collectConsoleErrors(reader));
    await reader.goto(`${baseUrl}/works/${workId}/read`);
    await reader.getByText(PUBLISHED).waitFor();
    await expect(reader.getByText(ORIGINAL).count()).resolves.toBe(0);

    // The reader reports an error in it; the report reaches the editors' queue.
    const segment = await runSql(databaseUrl, `SELECT s.id FROM segment s JOIN segment_text t ON t.segment_id = s.id AND t.language = 'en' JOIN revision r ON r.id = t.published_revision_id WHERE s.work_id = $1 AND r.text = $2`, [workId, PUBLISHED]);
    await reader.locator(`#s-${String(segment.rows[0]?.id)}`).getByRole('button', { name: /^Report an error/ }).click();
    const dialog = reader.getByRole('dialog', { name: 'Report an error' });
    await dialog.getByLabel('What is wrong?').fill(REPORT);
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText('Thank you — your report was sent.').waitFor({ timeout: 20_000 });
    await context.close();

    await editor.goto(`${baseUrl}/review`);
    await editor.getByRole('navigation', { name: 'What to review' }).getByRole('link', { name: 'Readers’ reports' }).click();
    const report = editor.locator('[data-report]').filter({ hasText: REPORT });
    await report.waitFor();
    await report.getByRole('button', { name: 'Resolved' }).click();
    await report.waitFor({ state: 'detached' });
    const stored = await runSql(databaseUrl, `SELECT status FROM reader_report WHERE message = $1`, [REPORT]);
    expect(stored.rows).toEqual([{ status: 'RESOLVED' }]);
  });

  it('the volunteer reads the outcome and the reason on their own page', async () => {
    await volunteer.goto(`${baseUrl}/suggestions`);
    const outcome = volunteer.locator('[data-own-suggestion][data-status="PUBLISHED"]').filter({ hasText: 'Published by Eli Editor' });
    await outcome.waitFor();
    await expect(outcome.getByText(PUBLISHED).isVisible()).resolves.toBe(true);
    await expect(outcome.getByRole('list', { name: 'Changes turned down' }).textContent()).resolves.toMatch(/short.*Not in the original/);
  });

  it('the translation of the corrected sentence turns stale until an editor confirms it', async () => {
    await editor.goto(`${baseUrl}/works/${workId}/edit?lang=fr`);
    const row = editor.locator('[data-segment-row]').filter({ hasText: PUBLISHED });
    await row.locator('[data-stale]').waitFor();
    await row.getByRole('button', { name: 'See the change' }).click();
    const panel = editor.locator('[data-segment-details]');
    // The change of the original since the translator's base: "evenings" became "nights".
    await expect(panel.locator('[data-stale-source] del').first().textContent()).resolves.toContain('evenings');
    await expect(panel.locator('[data-stale-source] ins').first().textContent()).resolves.toContain('nights');
    await panel.getByRole('button', { name: 'Still valid' }).click();
    await panel.getByText('The translation matches the source as published now.').waitFor();
    await row.locator('[data-stale]').waitFor({ state: 'detached' });
    await editor.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('the editor publishes the earlier version again from the history, and readers see it', async () => {
    await editor.goto(`${baseUrl}/works/${workId}/edit?lang=en`);
    const segment = await runSql(
      databaseUrl,
      `SELECT s.id FROM segment s JOIN segment_text t ON t.segment_id = s.id AND t.language = 'en' JOIN revision r ON r.id = t.published_revision_id WHERE s.work_id = $1 AND r.text = $2`,
      [workId, PUBLISHED],
    );
    const row = editor.locator(`[data-segment-row="${String(segment.rows[0]?.id)}"]`);
    await row.getByRole('button', { name: 'History' }).click();
    const panel = editor.locator('[data-segment-details]');
    const revisions = panel.locator('[data-revision]');
    await expect.poll(() => revisions.count()).toBeGreaterThanOrEqual(2);
    await expect(revisions.first().textContent()).resolves.toContain('Approved suggestion');
    await expect(revisions.first().textContent()).resolves.toContain('Vera Volunteer');
    await revisions.nth(1).getByRole('button', { name: 'Publish this version again' }).click();
    await revisions.nth(1).getByRole('group', { name: /^Publish this version again\?/ }).getByRole('button', { name: 'Publish it' }).click();
    await expect.poll(() => revisions.first().textContent()).toContain('Revert');
    await expect(revisions.first().textContent()).resolves.toContain('Eli Editor');

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const reader = await context.newPage();
    await reader.goto(`${baseUrl}/works/${workId}/read`);
    await reader.getByText(ORIGINAL).waitFor();
    await context.close();
  });

  it('logs nothing to the console', () => {
    expect(consoleErrors.flat()).toEqual([]);
  });
});
