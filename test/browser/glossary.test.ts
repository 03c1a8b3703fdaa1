import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { runSql, signUpAsAdmin, useBrowserPeople } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

/** A Russian original and its English translation, one sentence for one, in words no other test uses. */
const RUSSIAN = ['Конгресс Коминтерна открылся в Москве.', 'Делегаты спорили до утра.'];
const ENGLISH = ['The congress of the Comintern opened in Moscow.', 'The delegates argued until morning.'];

describe('a translator sees the glossary’s terms in the original and inserts their translations by keyboard', () => {
  const people = useBrowserPeople({ beforeAll, afterAll }, { databaseUrl });
  let page: Page;
  let workId = '';
  let collectionId = '';
  let ids: string[] = [];

  const draft = (index: number) => page.locator(`textarea[data-draft="${ids[index]}"]`);
  const term = () => page.locator(`[data-segment-row="${ids[0]}"] [data-glossary-term="Коминтерн"]`);
  const tooltip = () => page.locator(`[data-segment-row="${ids[0]}"] [data-glossary-tooltip]`);

  beforeAll(async () => {
    page = await people.open();
    await signUpAsAdmin(page, { baseUrl, databaseUrl, name: 'Gleb Glossary', email: people.email('Gleb Glossary') });
    const imported = await page.request.post(`${baseUrl}/api/imports`, { multipart: { text: `${RUSSIAN.join(' ')}\n`, title: 'Конгресс', author: 'А. Делегат', language: 'ru', collection: 'Glossary congress' } });
    expect(imported.status()).toBe(201);
    workId = ((await imported.json()) as { workId: string }).workId;
    const translated = await page.request.post(`${baseUrl}/api/works/${workId}/translations`, { multipart: { text: `${ENGLISH.join(' ')}\n`, language: 'en', translator: 'Tom Translator' } });
    expect(translated.status()).toBe(201);
    ids = (await runSql(databaseUrl, `SELECT id FROM segment WHERE work_id = $1 AND kind <> 'PARAGRAPH' ORDER BY order_key`, [workId])).rows.map((row: { id: string }) => row.id);
    collectionId = ((await runSql(databaseUrl, `SELECT collection_id FROM work WHERE id = $1`, [workId])).rows[0] as { collection_id: string }).collection_id;
    const added = await page.request.post(`${baseUrl}/api/collections/${collectionId}/glossary/terms`, {
      data: {
        source: 'ru',
        target: 'en',
        text: 'Коминтерн',
        partOfSpeech: 'properNoun',
        note: 'The Communist International, 1919–1943.',
        translations: [
          { text: 'Comintern', status: 'preferred' },
          { text: 'Communist International', status: 'admitted' },
          { text: 'Third International', status: 'forbidden' },
        ],
      },
    });
    expect(added.status()).toBe(201);
  });

  it('marks the term in its inflected form, shows its translations on hover and on focus, and inserts them at the caret', async () => {
    await page.goto(`${baseUrl}/works/${workId}/edit?lang=en`);
    await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 20_000 }).toBe('saved');
    await term().waitFor();
    await expect(term().textContent()).resolves.toBe('Коминтерна');
    await expect(page.getByRole('list', { name: 'Keyboard shortcuts' }).textContent()).resolves.toContain('Glossary terms of the segment (then 1–9 inserts)');

    // The pointer shows the translations; leaving hides them.
    await expect(tooltip().isVisible()).resolves.toBe(false);
    await term().hover();
    await expect(tooltip().isVisible()).resolves.toBe(true);
    await expect(tooltip().textContent()).resolves.toMatch(/Comintern \(preferred\).*Communist International \(admitted\).*Third International \(forbidden\)/u);
    await page.mouse.move(5, 5);
    await expect(tooltip().isVisible()).resolves.toBe(false);

    // So does the keyboard's focus, which Escape dismisses; the term describes itself to screen readers.
    await draft(0).fill('Delegates of the ');
    await page.keyboard.press('Shift+Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-glossary-term'))).resolves.toBe('Коминтерн');
    await expect(tooltip().isVisible()).resolves.toBe(true);
    await expect(term().getAttribute('aria-describedby')).resolves.toBe(await tooltip().getAttribute('id'));
    await page.keyboard.press('Escape');
    await expect(tooltip().isVisible()).resolves.toBe(false);
    // Enter on the term inserts its preferred translation where the draft's caret was.
    await page.keyboard.press('Enter');
    await expect(draft(0).inputValue()).resolves.toBe('Delegates of the Comintern');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-draft'))).resolves.toBe(ids[0]);

    // Alt+G lists the segment's terms; a digit inserts one at the caret, over the selection.
    await page.keyboard.type(' and the ');
    await page.keyboard.press('Alt+g');
    const list = page.locator('[data-glossary-list]');
    await list.waitFor();
    await expect(list.textContent()).resolves.toMatch(/Коминтерн.*1\s*Comintern \(preferred\).*2\s*Communist International \(admitted\).*not Third International/u);
    await page.keyboard.press('2');
    await expect(list.count()).resolves.toBe(0);
    await expect(draft(0).inputValue()).resolves.toBe('Delegates of the Comintern and the Communist International');
    await expect(draft(0).evaluate((element: HTMLTextAreaElement) => [document.activeElement === element, element.selectionStart, element.value.length])).resolves.toEqual([true, 58, 58]);
    // Escape leaves the list without inserting anything.
    await page.keyboard.press('Alt+g');
    await list.waitFor();
    await page.keyboard.press('Escape');
    await expect(list.count()).resolves.toBe(0);
    await expect(draft(0).inputValue()).resolves.toBe('Delegates of the Comintern and the Communist International');
    await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 20_000 }).toBe('saved');

    // A segment without a term says so.
    await draft(1).focus();
    await page.keyboard.press('Alt+g');
    await expect(page.locator('[data-glossary-list]').textContent()).resolves.toContain('No glossary term in this segment');
    await page.keyboard.press('Escape');

    // The editor links to the pair's glossary page, which lists the term.
    await page.getByRole('link', { name: 'Glossary', exact: true }).last().click();
    await page.waitForURL(/\/glossary\?collection=.*&source=ru&target=en/u);
    await expect(page.locator('[data-glossary-entry="Коминтерн"]').textContent()).resolves.toMatch(/Comintern.*Preferred.*Communist International.*Admitted.*Third International.*Forbidden/u);
    expect(people.consoleErrors).toEqual([]);
  });
});
