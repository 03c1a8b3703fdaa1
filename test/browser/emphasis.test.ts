import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { signUpAsAdmin, useBrowserPage } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

/** A made-up web page with italics. */
const PAGE = '<html><body><article><h1>The Ferry</h1><p>The ferry was <em>not</em> late, they said. It left <i>at noon</i> as always.</p></article></body></html>';

describe('emphasis in the reader', () => {
  const view = useBrowserPage({ beforeAll, afterAll });
  let dir = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'interlinear-emphasis-'));
    await writeFile(path.join(dir, 'ferry.html'), PAGE);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a web page and shows its italics as <em>, in the parallel and the single-language view', async () => {
    await signUpAsAdmin(view.page, { baseUrl, databaseUrl, name: 'Ida Italic', email: 'ida@example.org' });
    await view.page.goto(`${baseUrl}/import`);
    await view.page.locator('input[type="file"]').setInputFiles(path.join(dir, 'ferry.html'));
    await view.page.getByLabel('Title').fill('The Ferry');
    await view.page.getByLabel('Collection').fill('Emphasis');
    await view.page.getByRole('button', { name: /^import/i }).click();
    const parallelLink = view.page.getByRole('link', { name: /parallel/i }).first();
    await parallelLink.waitFor({ timeout: 30_000 });
    const readUrl = new URL(`${baseUrl}${(await parallelLink.getAttribute('href')) ?? ''}`);

    await view.page.goto(readUrl.toString());
    const said = view.page.locator('[data-segment]', { hasText: 'The ferry was not late' }).locator('[lang="en"]');
    await said.waitFor();
    expect(await said.locator('em').allTextContents()).toEqual(['not']);
    // The text reads as before: the emphasis is no markup in it.
    expect(await said.textContent()).toContain('The ferry was not late, they said.');

    readUrl.searchParams.set('mode', 'single');
    await view.page.goto(readUrl.toString());
    await view.page.getByText('It left at noon as always.').waitFor();
    expect(await view.page.locator('.reading em').allTextContents()).toEqual(['not', 'at noon']);
  });
});
