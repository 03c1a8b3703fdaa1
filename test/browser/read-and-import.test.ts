import path from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { collectConsoleErrors, launchBrowser } from '../helpers/browser';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const baseUrl = inject('appUrl');

describe('a new user signs up, imports a text and reads it', () => {
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    consoleErrors = collectConsoleErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the demo collection in the public library', async () => {
    await page.goto(`${baseUrl}/`);
    await expect(page.getByRole('link', { name: /The Lamplighter’s Almanac/ }).first().isVisible()).resolves.toBe(true);
  });

  it('signs up (the first account) and is signed in', async () => {
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('Name').fill('Ada Reader');
    await page.getByLabel('E-mail').fill('ada@example.org');
    await page.getByLabel('Password').fill('a good long password');
    await page.getByRole('button', { name: /create account|sign up/i }).click();
    await page.getByText('Ada Reader').first().waitFor();
  });

  let workUrl = '';

  it('imports a corpus file and sees the summary', async () => {
    await page.goto(`${baseUrl}/import`);
    await page.locator('input[type="file"]').setInputFiles(path.join(CORPUS, 'wells-stalin-interview-1934.en.txt'));
    await page.getByLabel('Title').fill('Interview with H. G. Wells');
    await page.getByLabel('Collection').fill('Interviews');
    await page.getByRole('button', { name: /^import/i }).click();
    const parallelLink = page.getByRole('link', { name: /parallel/i }).first();
    await parallelLink.waitFor({ timeout: 30_000 });
    workUrl = (await parallelLink.getAttribute('href')) ?? '';
    expect(workUrl).toMatch(/\/works\/[0-9a-f-]{36}\/read/);
  });

  it('reads it in parallel mode, a window at a time', async () => {
    await page.goto(`${baseUrl}${workUrl}`);
    const rows = page.locator('[data-segment]');
    await rows.first().waitFor();
    const initial = await rows.count();
    expect(initial).toBeGreaterThan(20);
    expect(initial).toBeLessThanOrEqual(200);
    await expect(page.getByText(/Not translated yet|No translation yet/).first().isVisible()).resolves.toBe(true);
    // Scrolling to the end of the window loads the next one.
    await rows.last().scrollIntoViewIfNeeded();
    await page.waitForFunction((count) => document.querySelectorAll('[data-segment]').length > count, initial, { timeout: 15_000 });
  });

  it('a permalink deep in the work opens that segment, in view and marked', async () => {
    const workId = /\/works\/([0-9a-f-]{36})/.exec(workUrl)?.[1];
    const response = await page.request.get(`${baseUrl}/api/works/${workId}/segments?langs=en&after=a0&limit=200`);
    const firstWindow = (await response.json()) as { segments: { id: string; kind: string }[] };
    const deep = firstWindow.segments.filter((s) => s.kind === 'SENTENCE').at(-1);
    expect(deep).toBeDefined();
    await page.goto(`${baseUrl}/s/${deep?.id}`);
    await page.waitForURL(new RegExp(`#s-${deep?.id}$`));
    const target = page.locator(`#s-${deep?.id}`);
    await target.waitFor();
    await page.waitForFunction((id) => {
      const box = document.getElementById(`s-${id}`)?.getBoundingClientRect();
      return Boolean(box && box.top >= 0 && box.bottom <= window.innerHeight);
    }, deep?.id);
    expect(await target.evaluate((element) => element.outerHTML.includes('is-target'))).toBe(true);
  });

  it('shows the demo translation aligned row by row, and hovering one side highlights the pair', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: /The Lamplighter’s Almanac/ }).first().click();
    await page.getByRole('link', { name: /parallel/i }).first().click();
    const row = page.locator('[data-segment]', { hasText: 'Ours was kept by Mr. Arlen Vosk' });
    await row.waitFor();
    expect(await row.textContent()).toContain('La nôtre était tenue par M. Arlen Vosk');
    const target = row.locator('[lang="fr"]');
    const before = await target.evaluate((element) => getComputedStyle(element).backgroundColor);
    await row.locator('[lang="en"]').hover();
    await page.waitForFunction((previous) => {
      const cell = [...document.querySelectorAll('[data-segment]')].find((el) => el.textContent?.includes('Ours was kept by Mr. Arlen Vosk'))?.querySelector('[lang="fr"]');
      return cell ? getComputedStyle(cell).backgroundColor !== previous : false;
    }, before);
  });

  it('shows page anchors in the margin in page mode', async () => {
    const url = new URL(page.url());
    url.searchParams.set('mode', 'pages');
    await page.goto(url.toString());
    await page.getByText('p. 2', { exact: true }).first().waitFor();
  });

  it('fits a phone-width screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const url of [page.url(), `${baseUrl}/`]) {
      await page.goto(url);
      await page.locator('main').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
    }
  });

  it('logged no console errors on the way', () => {
    expect(consoleErrors).toEqual([]);
  });
});
