import { randomBytes } from 'node:crypto';

import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { runSql, signUpAsAdmin, useBrowserPage } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

const CHAPTER = `# The Harbour

The harbour opened in 1921. Ships came from Riga and from Tallinn, twelve of them in the first week of May 1922. The first captain was called Petrov. He stayed until 1930.
`;
// The Riga sentence has no counterpart: the aligner leaves its row without a translation.
const TRANSLATION = `# Порт

Порт открылся в 1921 году. Первого капитана звали Петров. Он остался до 1930 года.
`;
const EN_OPENED = 'The harbour opened in 1921.';
const EN_SHIPS = 'Ships came from Riga';
const RU_CAPTAIN = 'Первого капитана звали Петров.';
const RU_CAPTAIN_EDITED = 'Первым капитаном был Петров.';

describe('an admin brings in a chapter and its Russian translation, fixes its alignment and its history', () => {
  const view = useBrowserPage({ beforeAll, afterAll });
  const suffix = randomBytes(4).toString('hex');
  const email = `ines-${suffix}@example.org`;
  const collection = `Harbour Novels ${suffix}`;
  let workId = '';

  const row = (text: string): Locator => view.page.locator('[data-align-row]', { hasText: text });
  const groupOf = (text: string): Locator => view.page.locator('[data-align-group]', { has: row(text) });

  it('signs up as the site admin and imports the chapter into a new collection', async () => {
    await signUpAsAdmin(view.page, { baseUrl, databaseUrl, name: 'Ines Importer', email });
    await view.page.goto(`${baseUrl}/import`);
    await view.page.locator('input[type="file"]').setInputFiles({ name: 'harbour.md', mimeType: 'text/markdown', buffer: Buffer.from(CHAPTER) });
    await view.page.getByLabel('Title').fill(`The Harbour ${suffix}`);
    await view.page.getByLabel('Collection').fill(collection);
    await view.page.getByRole('button', { name: /^import/i }).click();
    const parallel = view.page.getByRole('link', { name: 'Read in parallel' });
    await parallel.waitFor({ timeout: 30_000 });
    workId = /\/works\/([0-9a-f-]{36})\//.exec((await parallel.getAttribute('href')) ?? '')?.[1] ?? '';
    expect(workId).not.toBe('');
  });

  it('finds themself the admin of the collection the import created', async () => {
    await view.page.goto(`${baseUrl}/admin`);
    const section = view.page.getByRole('region', { name: collection });
    await section.waitFor();
    await expect(section.getByText('No editors or admins yet.').count()).resolves.toBe(0);
    const member = section.getByRole('listitem').filter({ hasText: 'Ines Importer' });
    await expect(member.getByText('Admin', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(member.getByText(/granted by themselves/).isVisible()).resolves.toBe(true);
  });

  it('adds the Russian translation from the work page', async () => {
    await view.page.goto(`${baseUrl}/works/${workId}`);
    await view.page.getByText('Add an existing translation').click();
    // The form of its own section (the Download menu has a Language field too).
    const form = view.page.locator('details', { hasText: 'Add an existing translation' });
    await form.getByLabel('Translation file').setInputFiles({ name: 'harbour.ru.md', mimeType: 'text/markdown', buffer: Buffer.from(TRANSLATION) });
    await form.getByLabel('Language', { exact: true }).fill('ru');
    await form.getByRole('button', { name: 'Add and align' }).click();
    await view.page.getByText('Translation aligned').waitFor({ timeout: 30_000 });
  });

  it('merges the untranslated row with the previous one: still merged after a reload, and undone by Undo', async () => {
    await view.page.goto(`${baseUrl}/works/${workId}/align?lang=ru`);
    await row(EN_SHIPS).waitFor();
    await expect(groupOf(EN_SHIPS).locator('[data-align-translation]').textContent()).resolves.toContain('No translation');
    await row(EN_SHIPS).getByRole('button', { name: 'Merge with previous', exact: true }).click();
    await view.page.getByRole('status').filter({ hasText: 'Merged with the previous row.' }).waitFor();
    await expect.poll(() => groupOf(EN_OPENED).locator('[data-align-row]').count()).toBe(2);

    await view.page.reload();
    await row(EN_SHIPS).waitFor();
    await expect(groupOf(EN_OPENED).locator('[data-align-row]').count()).resolves.toBe(2);
    await expect(groupOf(EN_OPENED).locator('[data-align-translation]').textContent()).resolves.toContain('Порт открылся в 1921 году.');

    const undo = view.page.getByRole('button', { name: 'Undo', exact: true });
    await expect.poll(() => undo.isEnabled()).toBe(true);
    await undo.click();
    await view.page.getByRole('status').filter({ hasText: 'Undid “Merge with previous”.' }).waitFor();
    await expect(view.page.getByText('can no longer be undone').count()).resolves.toBe(0);
    await expect.poll(() => groupOf(EN_OPENED).locator('[data-align-row]').count()).toBe(1);
    await view.page.reload();
    await row(EN_SHIPS).waitFor();
    await expect(groupOf(EN_OPENED).locator('[data-align-row]').count()).resolves.toBe(1);
  });

  it('asks before publishing an earlier version again, and offers nothing for the words published now', async () => {
    // A newer version of the captain's sentence, published directly as the editor may.
    const found = await runSql(
      databaseUrl,
      `SELECT s.id, t.published_revision_id FROM segment s JOIN segment_text t ON t.segment_id = s.id AND t.language = 'ru' JOIN revision r ON r.id = t.published_revision_id WHERE s.work_id = $1 AND r.text = $2`,
      [workId, RU_CAPTAIN],
    );
    const segmentId = String(found.rows[0]?.id ?? '');
    const published = await view.page.request.post(`${baseUrl}/api/suggestions`, { data: { segmentId, language: 'ru', text: RU_CAPTAIN_EDITED, baseRevisionId: found.rows[0]?.published_revision_id, publish: true } });
    expect(published.status()).toBe(201);

    await view.page.goto(`${baseUrl}/works/${workId}/edit?lang=ru`);
    await view.page.locator(`[data-segment-row="${segmentId}"]`).getByRole('button', { name: 'History' }).click();
    const panel = view.page.locator('[data-segment-details]');
    const revisions = panel.locator('[data-revision]');
    await expect.poll(() => revisions.count()).toBe(2);
    // The published version offers nothing to publish.
    await expect(revisions.first().getByRole('button', { name: 'Publish this version again' }).count()).resolves.toBe(0);

    // Asked first; Cancel (where the focus goes) and Escape change nothing and keep the panel open.
    await revisions.nth(1).getByRole('button', { name: 'Publish this version again' }).click();
    const confirm = revisions.nth(1).getByRole('group', { name: /^Publish this version again\?/ });
    await confirm.waitFor();
    await expect(confirm.getByRole('button', { name: 'Cancel' }).evaluate((button) => button === document.activeElement)).resolves.toBe(true);
    await view.page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await expect(panel.isVisible()).resolves.toBe(true);
    await revisions.nth(1).getByRole('button', { name: 'Publish this version again' }).click();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect(revisions.count()).resolves.toBe(2);

    await revisions.nth(1).getByRole('button', { name: 'Publish this version again' }).click();
    await confirm.getByRole('button', { name: 'Publish it' }).click();
    await panel.getByRole('status').filter({ hasText: 'Published that version again.' }).waitFor();
    await expect.poll(() => revisions.count()).toBe(3);
    await expect(revisions.first().textContent()).resolves.toMatch(/Revert.*Published now/);
    // The imported version has the words published now again: nothing to offer there either.
    await expect(revisions.nth(2).textContent()).resolves.toContain('Same text as published now');
    await expect(revisions.nth(2).getByRole('button', { name: 'Publish this version again' }).count()).resolves.toBe(0);
    await expect(revisions.nth(1).getByRole('button', { name: 'Publish this version again' }).count()).resolves.toBe(1);
    const stored = await runSql(databaseUrl, `SELECT r.text, r.origin FROM segment_text t JOIN revision r ON r.id = t.published_revision_id WHERE t.segment_id = $1 AND t.language = 'ru'`, [segmentId]);
    expect(stored.rows).toEqual([{ text: RU_CAPTAIN, origin: 'REVERT' }]);
  });

  it('logged no console errors on the way', () => {
    expect(view.consoleErrors).toEqual([]);
  });
});
