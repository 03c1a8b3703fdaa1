import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { signUpAsAdmin, useBrowserPage } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

const COLLECTION = `Memories ${randomBytes(3).toString('hex')}`;
const tmx = (body: string, doctype = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${doctype}<tmx version="1.4"><header creationtool="Tool" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en-US" datatype="plaintext"/><body>${body}</body></tmx>`;
const CATS = tmx(
  [
    '<tu creationid="Ivan"><tuv xml:lang="en-US"><seg>The cat <ph>{1}</ph>sat on the mat.</seg></tuv><tuv xml:lang="ru-RU"><seg>Кошка сидела на коврике.</seg></tuv></tu>',
    '<tu><tuv xml:lang="en-GB"><seg>The dog barked.</seg></tuv><tuv xml:lang="ru"><seg>Собака залаяла.</seg></tuv><tuv xml:lang="de"><seg>Der Hund bellte.</seg></tuv></tu>',
    '<tu><tuv xml:lang="en"><seg>Nothing to say.</seg></tuv><tuv xml:lang="ru"><seg></seg></tuv></tu>',
  ].join('\n'),
);

describe('an editor exchanges a collection’s translation memory as TMX', () => {
  const view = useBrowserPage({ beforeAll, afterAll });

  it('reads a TMX file’s languages in the browser and imports the chosen pair', async () => {
    await signUpAsAdmin(view.page, { baseUrl, databaseUrl, name: 'Mem Editor', email: `memory-${randomBytes(4).toString('hex')}@example.org` });
    const imported = await view.page.request.post(`${baseUrl}/api/imports`, { multipart: { text: 'The cat sat on the mat.', title: 'Mats', language: 'en', collection: COLLECTION } });
    expect(imported.status()).toBe(201);

    await view.page.goto(`${baseUrl}/admin`);
    await view.page.getByRole('link', { name: 'Translation memory →' }).click();
    await view.page.waitForURL(`${baseUrl}/admin/memory`);
    const section = view.page.getByRole('region', { name: COLLECTION });
    await section.getByText('No translation memory yet').waitFor();

    await section.getByLabel('Import a TMX file').setInputFiles({ name: 'cats.tmx', mimeType: 'application/xml', buffer: Buffer.from(CATS) });
    const source = section.getByLabel('Source language');
    await source.waitFor();
    await expect(source.inputValue()).resolves.toBe('en');
    await expect(section.getByLabel('Translation').inputValue()).resolves.toBe('ru');
    await section.getByRole('button', { name: 'Import 3 units' }).click();
    await section.getByText('Imported 2 units from cats.tmx').waitFor();
    await expect(section.getByText('Skipped: 1 empty on one side.').isVisible()).resolves.toBe(true);
    // The page shows the new pair and the file once it has been refreshed.
    await section.getByText('0 from the library’s published translations · 2 imported').waitFor();
    await expect(section.getByText('cats.tmx — 2 units').isVisible()).resolves.toBe(true);
  });

  it('downloads the pair as TMX', async () => {
    const section = view.page.getByRole('region', { name: COLLECTION });
    const href = await section.getByRole('link', { name: 'Download TMX' }).getAttribute('href');
    expect(href).toMatch(/^\/api\/collections\/[0-9a-f-]{36}\/memory\/tmx\?source=en&target=ru$/u);
    const response = await view.page.request.get(`${baseUrl}${href as string}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename=".+-en-ru\.tmx"$/u);
    const xml = await response.text();
    expect(xml).toContain('<tmx version="1.4">');
    expect(xml).toContain('<seg>The cat sat on the mat.</seg>');
    expect(xml).toContain('<seg>Собака залаяла.</seg>');
    expect(xml).toContain('<prop type="x-interlinear-file">cats.tmx</prop>');
  });

  it('refuses a file with entity declarations before sending it', async () => {
    const section = view.page.getByRole('region', { name: COLLECTION });
    const laughs = tmx('<tu><tuv xml:lang="en"><seg>&b;</seg></tuv></tu>', '<!DOCTYPE tmx [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n');
    await section.getByLabel('Import a TMX file').setInputFiles({ name: 'laughs.tmx', mimeType: 'application/xml', buffer: Buffer.from(laughs) });
    await expect(section.getByRole('alert').textContent()).resolves.toContain('declares its own document type');
    await expect(section.getByLabel('Source language').count()).resolves.toBe(0);
    expect(view.consoleErrors).toEqual([]);
  });
});
