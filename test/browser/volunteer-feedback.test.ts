import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { comeFromOwnAddress, runSql, signUpAsAdmin, signUpAsVolunteer, useBrowserPeople } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

const CHAPTER = `# The Lighthouse

On calm evenings the keeper wrote only a line. The lamp was lit at dusk and put out at dawn. Nobody came to the island in winter.
`;
const ORIGINAL = 'On calm evenings the keeper wrote only a line.';
const SUGGESTED = 'On calm nights the keeper wrote only a short line.';
const REPORTED = 'The lamp was lit at dusk and put out at dawn.';
const FIRST_REPORT = 'Should it not be “lamps”, as in the printed edition?';
const SECOND_REPORT = 'lamp → lamps';

describe('a volunteer reaches the people running a new collection, and hears back about what was turned down', () => {
  const people = useBrowserPeople({ beforeAll, afterAll }, { databaseUrl });
  const { suffix } = people;
  let admin: Page;
  let volunteer: Page;
  let workId = '';

  const segmentWith = async (text: string) => {
    const found = await runSql(
      databaseUrl,
      `SELECT s.id, t.published_revision_id FROM segment s JOIN segment_text t ON t.segment_id = s.id AND t.language = 'en' JOIN revision r ON r.id = t.published_revision_id WHERE s.work_id = $1 AND r.text = $2`,
      [workId, text],
    );
    return { id: String(found.rows[0]?.id ?? ''), revisionId: String(found.rows[0]?.published_revision_id ?? '') };
  };

  beforeAll(async () => {
    admin = await people.open();
    await signUpAsAdmin(admin, { baseUrl, databaseUrl, name: 'Maren Admin', email: people.email('Maren Admin') });
    // A second site admin, who has no role in the new collection.
    await signUpAsAdmin(await people.open(), { baseUrl, databaseUrl, name: 'Otto Overseer', email: people.email('Otto Overseer') });
    volunteer = await people.open();
    await signUpAsVolunteer(volunteer, { baseUrl, name: 'Val Volunteer', email: people.email('Val Volunteer') });

    await admin.goto(`${baseUrl}/import`);
    await admin.locator('input[type="file"]').setInputFiles({ name: 'lighthouse.md', mimeType: 'text/markdown', buffer: Buffer.from(CHAPTER) });
    await admin.getByLabel('Title').fill(`The Lighthouse ${suffix}`);
    await admin.getByLabel('Collection').fill(`Lighthouse Stories ${suffix}`);
    await admin.getByRole('button', { name: /^import/i }).click();
    const parallel = admin.getByRole('link', { name: 'Read in parallel' });
    await parallel.waitFor({ timeout: 30_000 });
    workId = /\/works\/([0-9a-f-]{36})\//.exec((await parallel.getAttribute('href')) ?? '')?.[1] ?? '';
  });

  it('offers the collection’s creator and the site’s other admin in the mention autocomplete', async () => {
    const { id } = await segmentWith(ORIGINAL);
    await volunteer.goto(`${baseUrl}/s/${id}/discussion`);
    const box = volunteer.getByRole('combobox', { name: 'New comment' });
    await box.click();
    await box.pressSequentially('Is “evenings” right, @Ott');
    await volunteer.getByRole('option', { name: 'Otto Overseer' }).waitFor();
    await box.press('Enter');
    await box.pressSequentially('and @Mar');
    await volunteer.getByRole('option', { name: 'Maren Admin' }).waitFor();
    await box.press('Enter');
    await expect(box.inputValue()).resolves.toBe('Is “evenings” right, @Otto Overseer and @Maren Admin ');
    await volunteer.getByRole('button', { name: 'Comment', exact: true }).click();
    await volunteer.locator('[data-comment] [data-mention]', { hasText: '@Maren Admin' }).waitFor();
    await expect(volunteer.locator('[data-comment] [data-mention]', { hasText: '@Otto Overseer' }).count()).resolves.toBe(1);

    await admin.goto(`${baseUrl}/notifications`);
    await admin.getByRole('link', { name: /Val Volunteer mentioned you in a discussion of “The Lighthouse/ }).waitFor();
  });

  it('tells the volunteer which change of their suggestion was turned down, and why', async () => {
    const { id, revisionId } = await segmentWith(ORIGINAL);
    const suggested = await volunteer.request.post(`${baseUrl}/api/suggestions`, { data: { segmentId: id, language: 'en', text: SUGGESTED, baseRevisionId: revisionId } });
    expect(suggested.status()).toBe(201);

    await admin.goto(`${baseUrl}/review`);
    const card = admin.locator('[data-suggestion]').filter({ hasText: 'nights' });
    await card.waitFor();
    // Two changes: "evenings → nights" and the added "short", which is not in the original.
    await card.locator('[data-hunk="1"]').click();
    await expect(card.getByLabel(/Why .* is turned down/).inputValue()).resolves.toBe('NOT_IN_ORIGINAL');
    await admin.keyboard.press('a');
    await card.waitFor({ state: 'detached' });

    await volunteer.goto(`${baseUrl}/notifications`);
    const notification = volunteer.locator('[data-notification]').filter({ has: volunteer.getByRole('link', { name: /Maren Admin approved part of your suggestion for “The Lighthouse .*”; it is published/ }) });
    await notification.waitFor();
    const turnedDown = notification.getByRole('list', { name: 'Changes turned down' });
    await expect(turnedDown.getByRole('listitem').count()).resolves.toBe(1);
    await expect(turnedDown.textContent()).resolves.toMatch(/∅ → short — Not in the original/);
    await expect(notification.textContent()).resolves.toContain('On calm nights the keeper wrote only a line.');
  });

  it('shows two readers’ reports of the same text as one, with both messages, and closes both at once', async () => {
    const { id } = await segmentWith(REPORTED);
    for (const message of [FIRST_REPORT, SECOND_REPORT]) {
      const reader = await people.open();
      // Each reader from an address of their own: two readers, not one reader twice.
      await comeFromOwnAddress(reader);
      await reader.goto(`${baseUrl}/works/${workId}/read`);
      await reader.locator(`#s-${id}`).getByRole('button', { name: /^Report an error/ }).click();
      const dialog = reader.getByRole('dialog', { name: 'Report an error' });
      await dialog.getByLabel('What is wrong?').fill(message);
      await dialog.getByRole('button', { name: 'Send report' }).click();
      await dialog.getByText('Thank you — your report was sent.').waitFor({ timeout: 20_000 });
      await reader.context().close();
    }

    await admin.goto(`${baseUrl}/review`);
    await admin.getByRole('navigation', { name: 'What to review' }).getByRole('link', { name: 'Readers’ reports' }).click();
    const reports = admin.locator('[data-report]').filter({ hasText: REPORTED });
    await reports.first().waitFor();
    await expect(reports.count()).resolves.toBe(1);
    await expect(reports.getByText('Reported by 2 readers').isVisible()).resolves.toBe(true);
    await expect(reports.getByText(FIRST_REPORT).isVisible()).resolves.toBe(true);
    await expect(reports.getByRole('list', { name: 'Other readers wrote' }).textContent()).resolves.toBe(SECOND_REPORT);
    await reports.getByRole('button', { name: 'Resolved' }).click();
    await reports.waitFor({ state: 'detached' });
    await admin.getByRole('status').filter({ hasText: 'Report resolved for all 2 readers.' }).waitFor();
    const stored = await runSql(databaseUrl, `SELECT status, count(*)::int AS n FROM reader_report WHERE segment_id = $1 GROUP BY status`, [id]);
    expect(stored.rows).toEqual([{ status: 'RESOLVED', n: 2 }]);
  });

  it('logs nothing to the console', () => {
    expect(people.consoleErrors).toEqual([]);
  });
});
