import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { useBrowserPage } from '../helpers/browser';

const baseUrl = inject('appUrl');

describe('a reader searches the library', () => {
  const view = useBrowserPage({ beforeAll, afterAll });

  it('searches from the header, in every language, with the matches marked, and opens a passage', async () => {
    await view.page.goto(`${baseUrl}/`);
    const box = view.page.getByRole('searchbox', { name: 'Search the library' });
    // English "notebooks" and French "carnets" in one query: each language stemmed by its own rules.
    await box.fill('notebook or carnet');
    await box.press('Enter');
    await view.page.waitForURL(/\/search\?q=/u);
    const hits = view.page.getByRole('listitem').filter({ has: view.page.locator('mark') });
    await hits.first().waitFor();
    const marked = await view.page.locator('main mark').allTextContents();
    expect(marked.some((text) => /^notebooks?$/iu.test(text))).toBe(true);
    expect(marked.some((text) => /^carnets?$/iu.test(text))).toBe(true);
    await expect(view.page.getByRole('heading', { name: /passages/u }).textContent()).resolves.toMatch(/^\d+ passages/u);
    if (process.env.INTERLINEAR_SCREENSHOTS) await view.page.screenshot({ path: 'docs/screenshots/search.png' });

    // Narrowed to French: only French passages.
    await view.page.getByText('Filters').click();
    await view.page.getByLabel('Language').selectOption({ label: 'French' });
    await view.page.getByRole('button', { name: 'Search' }).click();
    await view.page.waitForURL(/language=fr/u);
    await hits.first().waitFor();
    expect(await view.page.locator('main li p[lang]').evaluateAll((nodes) => [...new Set(nodes.map((node) => node.getAttribute('lang')))])).toEqual(['fr']);

    // A hit opens the reader at its passage.
    const first = hits.first().locator('a').first();
    const passage = (await first.textContent()) ?? '';
    await first.click();
    await view.page.waitForURL(/\/works\/[0-9a-f-]{36}\/read/u);
    await view.page.getByText(passage.slice(0, 30)).first().waitFor();
  });

  it('finds in the work being read, and says so when nothing matches', async () => {
    const find = view.page.getByRole('searchbox', { name: 'Find in this work' });
    await find.fill('lamp*');
    await find.press('Enter');
    await view.page.waitForURL(/work=/u);
    await expect(view.page.getByText(/Only in/u).textContent()).resolves.toMatch(/Lamplighter/u);
    expect(await view.page.locator('main mark').count()).toBeGreaterThan(0);
    const marked = await view.page.locator('main mark').allTextContents();
    expect(marked.every((text) => /^lamp/iu.test(text))).toBe(true);

    await view.page.getByRole('searchbox', { name: 'Search for' }).fill('zzzqqq');
    await view.page.getByRole('button', { name: 'Search' }).click();
    await view.page.waitForURL(/q=zzzqqq/u);
    await expect(view.page.getByText(/Nothing found/u).isVisible()).resolves.toBe(true);
  });
});
