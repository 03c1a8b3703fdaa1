import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { signUpAsAdmin, useBrowserPage } from '../helpers/browser';
import { describeMessages, epubcheck } from '../helpers/epubcheck';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

describe('the reader’s Download menu', () => {
  const view = useBrowserPage({ beforeAll, afterAll });

  it('downloads a work as an EPUB that passes epubcheck', async () => {
    await signUpAsAdmin(view.page, { baseUrl, databaseUrl, name: 'Dora Download', email: `download-${randomBytes(4).toString('hex')}@example.org` });
    const text = '# The Ferry at Lowfield\n\n## Morning\n\nThe ferry left at noon, as it always did. Nobody on the bank waved.\n\n## Evening\n\nIt came back late, with the mail and two sheep.\n';
    const imported = await view.page.request.post(`${baseUrl}/api/imports`, { multipart: { text, title: 'The Ferry at Lowfield', language: 'en', collection: 'Downloads in the browser' } });
    expect(imported.status()).toBe(201);
    const { workId } = (await imported.json()) as { workId: string };

    await view.page.goto(`${baseUrl}/works/${workId}`);
    // Every page names the feeds in its head, and the footer links them.
    await expect(view.page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).resolves.toMatch(/\/feeds\/new\.atom$/u);
    await expect(view.page.locator('head link[rel="alternate"][type="application/atom+xml;profile=opds-catalog;kind=navigation"]').getAttribute('href')).resolves.toMatch(/\/opds$/u);
    await expect(view.page.getByRole('contentinfo').getByRole('link', { name: 'OPDS catalogue for e-readers' }).getAttribute('href')).resolves.toBe('/opds');
    const menu = view.page.getByTestId('download-menu');
    await menu.locator('summary').click();
    await expect(menu.getByLabel('Format').inputValue()).resolves.toBe('epub');
    // One language: no layout to choose.
    await expect(menu.getByLabel('Layout').count()).resolves.toBe(0);
    const [download] = await Promise.all([view.page.waitForEvent('download'), menu.locator('button[type="submit"]').click()]);
    expect(download.suggestedFilename()).toBe('The Ferry at Lowfield (en).epub');
    const bytes = await readFile(await download.path());
    const { exitCode, messages } = await epubcheck(bytes);
    expect(describeMessages(messages)).toEqual([]);
    expect(exitCode).toBe(0);
    expect(view.consoleErrors).toEqual([]);
  });
});
