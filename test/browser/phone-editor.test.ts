import { randomBytes } from 'node:crypto';

import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { collectConsoleErrors, launchBrowser, runSql, signUpAsAdmin } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

// The first translation has lost the original's year: the quality checks show a finding under it while it is being edited.
const CHAPTER = `# The Lighthouse

The lighthouse was lit in 1887. The keeper climbed its stairs every evening before dusk. He carried oil, a rag and a small brass key. The lamp turned slowly above the black water. Ships passed far out, their lights like low stars. In winter the ice came close to the rocks. The keeper wrote every ship into a thick grey book. Some nights nothing passed at all. Then he read old newspapers by the lamp. In spring his daughter came with bread and letters. She stayed until the first warm rain. The keeper never left the island.
`;
const TRANSLATION = `# Маяк

Маяк зажгли давно. Смотритель поднимался по лестнице каждый вечер перед сумерками. Он носил масло, тряпку и маленький медный ключ. Лампа медленно вращалась над чёрной водой. Корабли проходили далеко, их огни как низкие звёзды. Зимой лёд подходил близко к скалам. Смотритель записывал каждый корабль в толстую серую книгу. В некоторые ночи не проходил никто. Тогда он читал старые газеты у лампы. Весной приходила его дочь с хлебом и письмами. Она оставалась до первого тёплого дождя. Смотритель никогда не покидал остров.
`;
const TYPED = ' Всегда.';

/** A phone held upright: the size, pixel density, touch screen and browser of a recent Android phone. */
const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 3,
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
} as const;

/** The top of an element in the window, after the page has had two frames to settle. */
async function topOf(page: Page, locator: Locator): Promise<number> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element is not laid out');
  return box.y;
}

describe('a volunteer edits a translation on a phone', () => {
  const suffix = randomBytes(4).toString('hex');
  const email = `pia-${suffix}@example.org`;
  let browser: Browser | undefined;
  let desktop: BrowserContext;
  let desk: Page;
  let phone: Page;
  let workId = '';
  const errors: string[][] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    desk = await desktop.newPage();
    errors.push(collectConsoleErrors(desk));
  });
  afterAll(async () => {
    await browser?.close();
    await runSql(databaseUrl, `DELETE FROM "user" WHERE email = $1`, [email]);
  });

  const rows = () => phone.locator('[data-segment-row]:not([data-continues-previous])');
  const draftOf = (row: Locator) => row.locator('textarea[data-draft]');

  it('imports a chapter and its Russian translation of their own', async () => {
    await signUpAsAdmin(desk, { baseUrl, databaseUrl, name: 'Pia Phone', email });
    await desk.goto(`${baseUrl}/import`);
    await desk.locator('input[type="file"]').setInputFiles({ name: 'lighthouse.md', mimeType: 'text/markdown', buffer: Buffer.from(CHAPTER) });
    await desk.getByLabel('Title').fill(`The Lighthouse ${suffix}`);
    await desk.getByLabel('Collection').fill(`Island Stories ${suffix}`);
    await desk.getByRole('button', { name: /^import/i }).click();
    const parallel = desk.getByRole('link', { name: 'Read in parallel' });
    await parallel.waitFor({ timeout: 30_000 });
    workId = /\/works\/([0-9a-f-]{36})\//.exec((await parallel.getAttribute('href')) ?? '')?.[1] ?? '';
    expect(workId).not.toBe('');

    await desk.goto(`${baseUrl}/works/${workId}`);
    await desk.getByText('Add an existing translation').click();
    const form = desk.locator('details', { hasText: 'Add an existing translation' });
    await form.getByLabel('Translation file').setInputFiles({ name: 'lighthouse.ru.md', mimeType: 'text/markdown', buffer: Buffer.from(TRANSLATION) });
    await form.getByLabel('Language', { exact: true }).fill('ru');
    await form.getByRole('button', { name: 'Add and align' }).click();
    await desk.getByText('Translation aligned').waitFor({ timeout: 30_000 });
  });

  it('shows the keyboard shortcuts on a desktop (1280 × 800)', async () => {
    await desk.goto(`${baseUrl}/works/${workId}/edit?lang=ru`);
    const legend = desk.getByRole('list', { name: 'Keyboard shortcuts' });
    await legend.waitFor();
    await expect(legend.isVisible()).resolves.toBe(true);
    // The rows scroll in their own box under the header, as before.
    await expect(desk.locator('[aria-label^="Segments of"]').evaluate((list) => getComputedStyle(list).overflowY)).resolves.toBe('auto');
  });

  it('opens the editor on a phone: the page scrolls as one document, no legend, no sideways scrolling', async () => {
    if (!browser) throw new Error('the browser opens in beforeAll');
    const context = await browser.newContext({ ...PHONE, storageState: await desktop.storageState() });
    phone = await context.newPage();
    errors.push(collectConsoleErrors(phone));
    await phone.goto(`${baseUrl}/works/${workId}/edit?lang=ru`);
    await draftOf(rows().nth(1)).and(phone.locator('[aria-busy="false"]')).waitFor({ timeout: 20_000 });
    await expect(phone.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches)).resolves.toBe(true);

    await expect(phone.getByRole('list', { name: 'Keyboard shortcuts' }).isVisible()).resolves.toBe(false);
    await expect(phone.locator('[data-keyboard-hint]:visible').count()).resolves.toBe(0);
    await expect(phone.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity)).resolves.toBeLessThanOrEqual(390);
    // No box of its own: the page is what scrolls.
    await expect(phone.locator('[aria-label^="Segments of"]').evaluate((list) => getComputedStyle(list).overflowY)).resolves.toBe('visible');
    await expect(phone.evaluate(() => document.scrollingElement?.scrollHeight ?? 0)).resolves.toBeGreaterThan(844);

    // Scrolled down to the text, the site's header is gone and the editor's status is one strip.
    await phone.evaluate(() => {
      const strip = document.querySelector('[data-editor-toolbar]');
      if (strip) window.scrollBy(0, strip.getBoundingClientRect().top);
    });
    const strip = await phone.locator('[data-editor-toolbar]').boundingBox();
    expect(strip?.y).toBeCloseTo(0, 0);
    expect(strip?.height).toBeLessThanOrEqual(48);
    await expect(phone.locator('body > header').evaluate((header) => header.getBoundingClientRect().bottom)).resolves.toBeLessThanOrEqual(0);
    // The chrome above the first row: the strip alone.
    await expect(topOf(phone, rows().first())).resolves.toBeLessThanOrEqual(120);

    // One column: the original above its draft, the row's buttons a finger wide.
    const first = rows().first();
    const source = await first.locator('[data-source-text]').boundingBox();
    const draft = await draftOf(first).boundingBox();
    expect(source && draft && draft.y >= source.y + source.height).toBe(true);
    for (const button of await first.getByRole('button').all()) {
      const box = await button.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
    }
  });

  it('keeps a tapped row where the finger is, also when the row left before folds up', async () => {
    // The sentence with the year (the heading is the first row).
    const first = rows().nth(1);
    const before = await topOf(phone, first);
    await draftOf(first).tap();
    await expect.poll(() => draftOf(first).evaluate((field) => field === document.activeElement)).toBe(true);
    // The year lost from the original is reported under the draft being edited.
    await first.locator('[data-findings] [data-finding="numbers"]').waitFor();
    expect(Math.abs((await topOf(phone, first)) - before)).toBeLessThanOrEqual(4);

    // The next row, below the first one's findings: tapping it folds them up, the tapped row stays put.
    const second = rows().nth(2);
    const stripBottom = (await phone.locator('[data-editor-toolbar]').boundingBox())?.height ?? 0;
    const box = await draftOf(second).boundingBox();
    if (!box || box.y + box.height > 844) await phone.evaluate((by) => window.scrollBy(0, by), (box?.y ?? 0) + (box?.height ?? 0) - 700);
    const secondBefore = await topOf(phone, second);
    const firstHeight = (await first.boundingBox())?.height ?? 0;
    await draftOf(second).tap();
    await expect.poll(() => draftOf(second).evaluate((field) => field === document.activeElement)).toBe(true);
    await expect.poll(async () => (await first.boundingBox())?.height ?? 0).toBeLessThan(firstHeight);
    expect(Math.abs((await topOf(phone, second)) - secondBefore)).toBeLessThanOrEqual(4);

    // The draft being edited is in view, below the strip.
    const field = await draftOf(second).boundingBox();
    expect(field && field.y >= stripBottom && field.y + field.height <= 844).toBe(true);
  });

  it('types into the tapped draft, which is saved', async () => {
    const second = rows().nth(2);
    const segmentId = await second.getAttribute('data-segment-row');
    await phone.keyboard.press('End');
    await phone.keyboard.type(TYPED);
    await expect.poll(() => phone.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 20_000 }).toBe('saved');
    await phone.screenshot({ path: 'docs/screenshots/editor-phone.png' });

    await phone.reload();
    const draft = phone.locator(`textarea[data-draft="${segmentId}"]`);
    await expect.poll(() => draft.inputValue(), { timeout: 20_000 }).toContain(TYPED.trim());
    await expect(phone.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity)).resolves.toBeLessThanOrEqual(390);
    expect(errors.flat()).toEqual([]);
  });
});
