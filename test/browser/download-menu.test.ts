import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { runSql, signUpAsAdmin, useBrowserPage } from '../helpers/browser';
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

  it('downloads a translated work as XLIFF for a translator’s tool and brings the edited file back as a suggestion', async () => {
    const text = 'The lock keeper rose at five. He opened the upper gate. The barges came down slowly.\n';
    const imported = await view.page.request.post(`${baseUrl}/api/imports`, { multipart: { text, title: 'The Lock at Lowfield', language: 'en', collection: 'Downloads in the browser' } });
    expect(imported.status()).toBe(201);
    const { workId } = (await imported.json()) as { workId: string };
    const translated = await view.page.request.post(`${baseUrl}/api/works/${workId}/translations`, { multipart: { text: 'L’éclusier se leva à cinq heures. Il ouvrit la porte d’amont. Les péniches descendirent lentement.\n', language: 'fr' } });
    expect(translated.status()).toBe(201);

    await view.page.goto(`${baseUrl}/works/${workId}`);
    const menu = view.page.getByTestId('download-menu');
    await menu.locator('summary').click();
    await menu.getByLabel('Format').selectOption('xliff');
    // The original beside one translation: the language is the translation, no second one.
    await expect(menu.getByLabel('Translation').locator('option').allTextContents()).resolves.toEqual(['French']);
    await expect(menu.getByLabel('With a second language').count()).resolves.toBe(0);
    const [download] = await Promise.all([view.page.waitForEvent('download'), menu.locator('button[type="submit"]').click()]);
    expect(download.suggestedFilename()).toBe('The Lock at Lowfield (en, fr).xlf');
    const xliff = await readFile(await download.path(), 'utf8');
    expect(xliff).toContain('srcLang="en" trgLang="fr"');
    expect(xliff).toContain('<target>Il ouvrit la porte d’amont.</target>');

    // As a tool saves it: the target edited and marked translated, the file re-indented.
    const edited = xliff.replace('<segment id="s1" state="final"><source>He opened the upper gate.</source><target>Il ouvrit la porte d’amont.</target>', '<segment state="translated" id="s1">\n\t<source>He opened the upper gate.</source>\n\t<target>Il ouvrit la vanne d’amont.</target>');
    expect(edited).not.toBe(xliff);
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'xliff-')), 'lock.xlf');
    await writeFile(file, edited);
    const form = view.page.getByTestId('xliff-import');
    await form.locator('summary').click();
    await form.getByLabel('XLIFF file').setInputFiles(file);
    await form.getByRole('button', { name: 'Import as suggestions' }).click();
    await expect(form.getByRole('status').textContent()).resolves.toContain('1 suggestion made');
    const suggestions = await runSql(databaseUrl, `SELECT text, status FROM suggestion WHERE work_id = $1`, [workId]);
    expect(suggestions.rows).toEqual([{ text: 'Il ouvrit la vanne d’amont.', status: 'PENDING' }]);
    expect(view.consoleErrors).toEqual([]);
  });
});
