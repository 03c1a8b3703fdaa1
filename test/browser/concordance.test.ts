import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { SEARCH_RATE_LIMIT } from '../../lib/config/limits';
import { comeFromOwnAddress, runSql, signUpAsAdmin, useBrowserPeople } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

/** A short English text and its French translation, one sentence for one, in words no other test uses. */
const ENGLISH = ['The keeper trimmed the wicks every evening.', 'A lighthouse keeper never sleeps early.', 'The wicks burned until dawn.'];
const FRENCH = ['Le gardien taillait les mèches chaque soir.', 'Un gardien de phare ne dort jamais tôt.', 'Les mèches brûlaient jusqu’à l’aube.'];
const MEMORY_FILE = 'lighthouse-concordance.tmx';

describe('a translator looks up how a word was translated', () => {
  const people = useBrowserPeople({ beforeAll, afterAll }, { databaseUrl });
  let page: Page;
  let workId = '';
  /** Segment ids of the English sentences, in reading order. */
  let ids: string[] = [];

  const pairs = () => page.locator('main [data-concordance-pair]');
  const marks = (lang: string) => page.locator(`main [data-concordance-pair] p[lang="${lang}"] mark`).allTextContents();

  beforeAll(async () => {
    page = await people.open();
    await signUpAsAdmin(page, { baseUrl, databaseUrl, name: 'Lena Lookup', email: people.email('Lena Lookup') });
    const imported = await page.request.post(`${baseUrl}/api/imports`, { multipart: { text: `${ENGLISH.join(' ')}\n`, title: 'The Keeper', author: 'A. Lamplighter', language: 'en', collection: 'Lighthouses' } });
    expect(imported.status()).toBe(201);
    workId = ((await imported.json()) as { workId: string }).workId;
    const translated = await page.request.post(`${baseUrl}/api/works/${workId}/translations`, { multipart: { text: `${FRENCH.join(' ')}\n`, language: 'fr', translator: 'Marie Traductrice' } });
    expect(translated.status()).toBe(201);
    ids = (await runSql(databaseUrl, `SELECT id FROM segment WHERE work_id = $1 AND kind <> 'PARAGRAPH' ORDER BY order_key`, [workId])).rows.map((row: { id: string }) => row.id);
    expect(ids).toHaveLength(ENGLISH.length);
    // A unit of an imported memory (as a TMX import writes it), keyed by the same SQL functions.
    await runSql(
      databaseUrl,
      `INSERT INTO memory_unit (id, origin, source_language, target_language, source_text, target_text, exact_key, bands, imported_file, translator, translated_at)
       VALUES (gen_random_uuid(), 'IMPORTED', 'en', 'fr', $1, $2, memory_exact_key($1), memory_bands(interlinear_search_config('en'), 'en>fr', $1), $3, 'Ivan Imported', '2019-06-01T00:00:00Z')`,
      ['The old keeper trimmed a single wick.', 'Le vieux gardien tailla une seule mèche.', MEMORY_FILE],
    );
  });

  afterAll(async () => {
    await runSql(databaseUrl, `DELETE FROM memory_unit WHERE imported_file = $1`, [MEMORY_FILE]);
  });

  it('finds the library’s pairs, then an imported memory’s, with the words marked on the side searched', async () => {
    // Signed in, the header links to it; from the search page, too.
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Concordance' }).getAttribute('href')).resolves.toBe('/concordance');
    await page.goto(`${baseUrl}/search?q=wicks`);
    await page.getByRole('link', { name: 'Look it up in the concordance' }).click();
    await page.waitForURL(/\/concordance\?q=wicks/u);
    await page.getByLabel('Original in').selectOption({ label: 'English' });
    await page.getByLabel('Translated into').selectOption({ label: 'French' });
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/source=en&target=fr/u);
    await pairs().first().waitFor();
    expect(await pairs().evaluateAll((items) => items.map((item) => item.getAttribute('data-concordance-pair')))).toEqual(['LIBRARY', 'LIBRARY', 'IMPORTED']);
    expect((await marks('en')).map((word) => word.toLowerCase()).sort()).toEqual(['wick', 'wicks', 'wicks']);
    expect(await marks('fr')).toEqual([]);
    await expect(pairs().first().locator('p').last().textContent()).resolves.toBe('The Keeper · A. Lamplighter · translated by Marie Traductrice');
    await expect(pairs().nth(2).textContent()).resolves.toMatch(new RegExp(`Imported${MEMORY_FILE.replace(/\./gu, '\\.')} · Ivan Imported · 2019-06-01`, 'u'));
    await expect(page.getByRole('heading', { name: '3 pairs' }).isVisible()).resolves.toBe(true);
    if (process.env.INTERLINEAR_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/concordance.png' });

    // The French side, stemmed in French.
    await page.getByRole('searchbox', { name: 'Word or phrase' }).fill('mèche');
    await page.getByLabel('Look in').selectOption({ label: 'the translation' });
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/side=target/u);
    await pairs().first().waitFor();
    expect((await marks('fr')).map((word) => word.toLowerCase()).sort()).toEqual(['mèche', 'mèches', 'mèches']);
    expect(await marks('en')).toEqual([]);

    // A pair of the library opens the reader at its passage, beside the translation.
    await pairs().first().locator('a').first().click();
    await page.waitForURL(/\/works\/[0-9a-f-]{36}\/read/u);
    await page.getByText('Les mèches brûlaient').first().waitFor();
  });

  it('says when nothing is found, when the languages are the same, and when the address searched too fast', async () => {
    await page.goto(`${baseUrl}/concordance?q=zzzqqq&source=en&target=fr`);
    await expect(page.getByText(/Nothing found/u).isVisible()).resolves.toBe(true);
    await page.goto(`${baseUrl}/concordance?q=wicks&source=fr&target=fr`);
    await expect(page.locator('main').getByRole('alert').textContent()).resolves.toBe('Choose two different languages.');

    // Library search and the concordance share one limit per address.
    const address = await comeFromOwnAddress(page);
    for (let n = 0; n < SEARCH_RATE_LIMIT.points; n += 1) {
      const answer = await fetch(`${baseUrl}/api/concordance?q=wicks&source=en&target=fr`, { headers: { 'x-forwarded-for': address } });
      expect(answer.status).toBe(200);
    }
    await page.goto(`${baseUrl}/concordance?q=wicks&source=en&target=fr`);
    await expect(page.getByRole('status').filter({ hasText: 'Too many searches' }).textContent()).resolves.toMatch(/wait \d+ s and search again/u);
    await expect(page.getByRole('searchbox', { name: 'Word or phrase' }).inputValue()).resolves.toBe('wicks');
    await comeFromOwnAddress(page);
  });

  it('looks up words selected in an original or a draft of the editor, in a side panel', async () => {
    await page.goto(`${baseUrl}/works/${workId}/edit?lang=fr`);
    await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 20_000 }).toBe('saved');
    // Words of the first original selected with the mouse's range: a button offers the concordance.
    await page.locator(`[data-segment-row="${ids[0]}"] [data-source-text]`).evaluate((cell) => {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf('trimmed the wicks') ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'trimmed the wicks'.length);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
        return;
      }
      throw new Error('no text to select');
    });
    await page.locator('[data-concordance-button]').waitFor();
    await page.locator('[data-concordance-button]').click();
    const panel = page.locator('[data-concordance-panel]');
    await expect(panel.getByRole('heading').textContent()).resolves.toBe('Concordance: "trimmed the wicks"');
    await panel.locator('[data-concordance-pair]').first().waitFor();
    expect(await panel.locator('[data-concordance-pair]').evaluateAll((items) => items.map((item) => item.getAttribute('data-concordance-pair')))).toEqual(['LIBRARY']);
    expect(await panel.locator('p[lang="en"] mark').allTextContents()).toEqual(['trimmed', 'wicks']);
    await expect(panel.getByRole('link', { name: 'Open the concordance page' }).getAttribute('href')).resolves.toBe('/concordance?q=%22trimmed+the+wicks%22&source=en&target=fr&side=source');
    await page.keyboard.press('Escape');
    await expect(panel.count()).resolves.toBe(0);

    // A word selected in a draft, and the key: the French side.
    const draft = page.locator(`textarea[data-draft="${ids[2]}"]`);
    await draft.focus();
    await draft.evaluate((textarea: HTMLTextAreaElement) => {
      const at = textarea.value.indexOf('mèches');
      textarea.setSelectionRange(at, at + 'mèches'.length);
    });
    await page.keyboard.press('Alt+Shift+C');
    await expect(panel.getByRole('heading').textContent()).resolves.toBe('Concordance: mèches');
    await expect(panel.getByText('In the French translations').isVisible()).resolves.toBe(true);
    await panel.locator('[data-concordance-pair="IMPORTED"]').waitFor();
    expect((await panel.locator('p[lang="fr"] mark').allTextContents()).map((word) => word.toLowerCase()).sort()).toEqual(['mèche', 'mèches', 'mèches']);
    // Closing gives the focus back to the draft, its text untouched.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.draft)).toBe(ids[2]);
    await expect(draft.inputValue()).resolves.toBe(FRENCH[2]);
    expect(people.consoleErrors).toEqual([]);
  });
});
