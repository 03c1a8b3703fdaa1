import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { runSql, signUpAsAdmin, useBrowserPeople } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

/** A short Russian text and its English translation, sentence for sentence, in names no other test uses. */
const RUSSIAN = ['Зиновьев писал письма в Вологду.', 'Письмо Зиновьева пришло утром.', 'Ответ Зиновьеву ушёл вечером.'];
const ENGLISH = ['Zinoviev wrote letters to Vologda.', 'Zinovyev’s letter came in the morning.', 'The answer to Zinoviev went out in the evening.'];

describe('the name index of a collection', () => {
  const people = useBrowserPeople({ beforeAll, afterAll }, { databaseUrl });
  let editor: Page;
  let collectionId = '';
  let workId = '';

  beforeAll(async () => {
    editor = await people.open();
    await signUpAsAdmin(editor, { baseUrl, databaseUrl, name: 'Nadia Names', email: people.email('Nadia Names') });
    const imported = await editor.request.post(`${baseUrl}/api/imports`, { multipart: { text: `${RUSSIAN.join(' ')}\n`, title: 'Письма', language: 'ru', collection: `Letters ${people.suffix}` } });
    expect(imported.status()).toBe(201);
    workId = ((await imported.json()) as { workId: string }).workId;
    const translated = await editor.request.post(`${baseUrl}/api/works/${workId}/translations`, { multipart: { text: `${ENGLISH.join(' ')}\n`, language: 'en' } });
    expect(translated.status()).toBe(201);
    collectionId = ((await runSql(databaseUrl, 'SELECT collection_id FROM work WHERE id = $1', [workId])).rows[0] as { collection_id: string }).collection_id;
  });

  it('lets an editor add a name and readers find every passage that mentions it, variants marked', async () => {
    // From the library, the collection links to its index.
    await editor.goto(`${baseUrl}/`);
    await editor.locator(`a[href="/collections/${collectionId}/names"]`).first().click();
    await editor.getByRole('heading', { name: 'Persons and places' }).waitFor();
    await editor.getByText('No names in the index yet.').waitFor();

    // Seeding proposes the name that recurs; the editor adds it by hand instead, with its note.
    await editor.getByLabel('Work').selectOption({ label: 'Письма' });
    await editor.getByRole('button', { name: 'Propose names' }).click();
    await editor.getByRole('status').filter({ hasText: /proposed|No new names/u }).waitFor();

    await editor.getByLabel('Name', { exact: true }).fill('Григорий Зиновьев');
    await editor.getByLabel('Language', { exact: true }).first().selectOption({ label: 'Russian' });
    await editor.getByLabel('Note').fill('1883–1936');
    await editor.getByRole('button', { name: 'Add to the index' }).click();
    const entry = editor.getByRole('link', { name: 'Григорий Зиновьев' });
    await entry.waitFor();
    await entry.click();
    await editor.waitForURL(/\/names\/[0-9a-f-]{36}$/u);

    // Its English preferred form, set on its page.
    await editor.getByLabel('Spelling', { exact: true }).fill('Zinoviev');
    await editor.getByLabel('Language', { exact: true }).selectOption({ label: 'English' });
    await editor.getByLabel('Preferred in this language').check();
    await editor.getByRole('button', { name: 'Add', exact: true }).click();
    await editor.getByRole('heading', { name: /^Zinoviev/u, level: 1 }).waitFor();

    // A reader, signed out, sees the name, its spellings and the six passages that mention it.
    const reader = await people.open();
    await reader.goto(`${baseUrl}/collections/${collectionId}/names`);
    await reader.getByRole('link', { name: 'Zinoviev', exact: true }).click();
    await reader.getByRole('heading', { name: 'Mentions (6)' }).waitFor();
    await expect(reader.getByText('1883–1936').isVisible()).resolves.toBe(true);
    await expect(reader.getByText('Wikipedia').first().isVisible()).resolves.toBe(true);
    const marks = await reader.locator('main ol mark').allTextContents();
    expect(marks.sort()).toEqual(['Zinoviev', 'Zinoviev', 'Zinovyev', 'Зиновьев', 'Зиновьева', 'Зиновьеву']);
    await expect(reader.locator('main ol mark', { hasText: 'Zinovyev' }).getAttribute('title')).resolves.toBe('Not the preferred form in this language');
    await expect(reader.getByRole('heading', { name: 'Edit this name' }).count()).resolves.toBe(0);
    await reader.getByRole('link', { name: 'Read in context' }).first().click();
    await reader.waitForURL(/\/s\/[0-9a-f-]{36}/u);
    expect(people.consoleErrors).toEqual([]);
  });

  it('points out a name typed in a draft otherwise than its preferred form, as the draft is typed', async () => {
    const ids = (await runSql(databaseUrl, `SELECT s.id FROM segment s WHERE s.work_id = $1 AND s.kind <> 'PARAGRAPH' ORDER BY s.order_key`, [workId])).rows.map((row: { id: string }) => row.id);
    expect(ids).toHaveLength(ENGLISH.length);
    await editor.goto(`${baseUrl}/works/${workId}/edit?lang=en`);
    await expect.poll(() => editor.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 20_000 }).toBe('saved');
    const draft = editor.locator(`textarea[data-draft="${ids[2]}"]`);
    const names = editor.locator(`[data-findings="${ids[2]}"] [data-finding="names"]`);
    await draft.click();
    await draft.fill('The answer to Zinovyev went out in the evening.');
    // The window's names were read in the published text: the draft's are asked for once it settles.
    await names.waitFor({ timeout: 15_000 });
    await expect(names.textContent()).resolves.toContain('“Zinovyev” is written “Zinoviev” in this collection.');
    await draft.fill(ENGLISH[2] as string);
    await expect.poll(() => names.count()).toBe(0);
    expect(people.consoleErrors).toEqual([]);
  });
});
