import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { runSql, signUpAsAdmin, useBrowserPage } from '../helpers/browser';
import { headedPages, scannedPages } from '../helpers/scanned-pages';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

describe('an editor re-runs the cleanup of a work with running headers removed', () => {
  const view = useBrowserPage({ beforeAll, afterAll });
  let workId = '';

  it('imports a scan with the running-header rule off', async () => {
    await signUpAsAdmin(view.page, { baseUrl, databaseUrl, name: 'Rea Importer', email: `reimport-${randomBytes(4).toString('hex')}@example.org` });
    const response = await view.page.request.post(`${baseUrl}/api/imports`, {
      multipart: { text: scannedPages(), title: 'Bridges of the Stone Age', language: 'en', collection: 'Scans', cleanup: JSON.stringify({ rules: { 'running-headers': false } }) },
    });
    expect(response.status()).toBe(201);
    workId = ((await response.json()) as { workId: string }).workId;
  });

  it('finds “Re-run cleanup” on the work page, with the rules as last chosen', async () => {
    await view.page.goto(`${baseUrl}/works/${workId}`);
    await view.page.getByRole('link', { name: 'Re-run cleanup' }).click();
    await view.page.waitForURL(`${baseUrl}/works/${workId}/reimport`);
    const headers = view.page.locator('[data-cleanup-rule="running-headers"] input[type="checkbox"]');
    await expect(headers.isChecked()).resolves.toBe(false);
    await expect(view.page.locator('[data-cleanup-rule="line-joins"] input[type="checkbox"]').isChecked()).resolves.toBe(true);
    await expect(view.page.getByRole('button', { name: 'Apply as new revisions' }).isDisabled()).resolves.toBe(true);
    await headers.check();
  });

  it('previews the changes as word diffs, then applies them as new revisions', async () => {
    await view.page.getByRole('button', { name: 'Preview changes' }).click();
    await view.page.getByText('6 texts would change (new cleanup revisions)').waitFor();
    const changed = view.page.getByRole('list', { name: 'Changed texts' });
    await expect(changed.locator('del').first().textContent()).resolves.toMatch(/THE STONE AGE|A HISTORY OF BRIDGES/);
    await view.page.getByRole('button', { name: 'Apply as new revisions' }).click();
    await view.page.getByText('6 texts changed (new cleanup revisions)').waitFor();
    await expect(view.page.getByText('0 texts changed meanwhile and were left as they are').isVisible()).resolves.toBe(true);
    expect(view.consoleErrors).toEqual([]);
  });
});

describe('a re-run retires headers that stood alone, and a link to one says it was removed', () => {
  const view = useBrowserPage({ beforeAll, afterAll });
  let workId = '';

  it('previews the headers as retired, then retires them', async () => {
    await signUpAsAdmin(view.page, { baseUrl, databaseUrl, name: 'Ret Importer', email: `retire-${randomBytes(4).toString('hex')}@example.org` });
    const response = await view.page.request.post(`${baseUrl}/api/imports`, {
      multipart: { text: headedPages(), title: 'Stone Age Bridges', language: 'en', collection: 'Scans', cleanup: JSON.stringify({ rules: { 'running-headers': false } }) },
    });
    expect(response.status()).toBe(201);
    workId = ((await response.json()) as { workId: string }).workId;

    await view.page.goto(`${baseUrl}/works/${workId}/reimport`);
    await view.page.locator('[data-cleanup-rule="running-headers"] input[type="checkbox"]').check();
    await view.page.getByRole('button', { name: 'Preview changes' }).click();
    await view.page.getByText('6 segments the new text no longer has would be retired (hidden, kept with their history)').waitFor();
    await expect(view.page.getByRole('list', { name: 'Retired (no longer in the text)' }).textContent()).resolves.toContain('11 THE STONE AGE');
    await view.page.getByRole('button', { name: 'Apply as new revisions' }).click();
    await view.page.getByText('6 segments the new text no longer has were retired (hidden, kept with their history)').waitFor();
  });

  it('answers a permalink to a retired header with the removal, and opens the reader where it stood', async () => {
    const found = await runSql(
      databaseUrl,
      `SELECT s.id FROM segment s JOIN segment_text t ON t.segment_id = s.id JOIN revision r ON r.id = t.published_revision_id
        WHERE s.work_id = $1 AND r.text = '13 THE STONE AGE' AND s.retired_at IS NOT NULL`,
      [workId],
    );
    const headerId = (found.rows[0] as { id: string } | undefined)?.id;
    expect(headerId).toBeDefined();
    await view.page.goto(`${baseUrl}/s/${headerId as string}`);
    await view.page.getByRole('heading', { name: 'This passage was removed by a later cleanup' }).waitFor();
    await view.page.getByRole('link', { name: 'Read where it stood' }).click();
    await view.page.waitForURL((url) => url.pathname === `/works/${workId}/read`);
    await view.page.getByText('The river was wide and slow at the ford on page 3.').waitFor();
    await expect(view.page.getByText('13 THE STONE AGE').count()).resolves.toBe(0);
    expect(view.consoleErrors).toEqual([]);
  });
});
