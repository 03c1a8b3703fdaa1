import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { READING_MODES, type ReadingMode } from '../../components/reader/reading-mode';
import { READING_LEADING_STEPS, READING_SIZE_STEPS } from '../../lib/reader/reading-settings';
import { seriousViolations } from '../helpers/axe';
import { runSql, signUpAsAdmin, useBrowserPeople } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

/** A short English text and its French translation, sentence for sentence, in words no other test uses. */
const ENGLISH = ['The miller’s daughter counted the sacks at dusk.', 'Seven sacks were missing from the granary.', 'Nobody in the village had seen the cart leave.'];
const FRENCH = ['La fille du meunier comptait les sacs au crépuscule.', 'Sept sacs manquaient au grenier.', 'Personne au village n’avait vu partir la charrette.'];

/** Chromium's computed `font-size` and `line-height` of an element, in pixels. */
async function metrics(locator: Locator): Promise<{ fontSize: number; lineHeight: number }> {
  return locator.evaluate((element) => {
    const style = getComputedStyle(element);
    return { fontSize: Number.parseFloat(style.fontSize), lineHeight: Number.parseFloat(style.lineHeight) };
  });
}

const background = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).backgroundColor);
const TRANSPARENT = 'rgba(0, 0, 0, 0)';

/** The relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/\d+(\.\d+)?/gu) ?? []).map(Number).map((channel) => {
    const value = channel / 255;
    return value <= 0.039_28 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The reading modes that show two languages at once (single mode shows one, falling back to the
 * original sentence by sentence; pages mode the original alone). A new mode fails the check below
 * until it is sorted here.
 */
const TWO_LANGUAGE_MODES: readonly ReadingMode[] = ['parallel'];
const ONE_LANGUAGE_MODES: readonly ReadingMode[] = ['single', 'pages'];

describe('reader comfort: text size, line spacing, a dark theme and the highlighted pair', () => {
  const people = useBrowserPeople({ beforeAll, afterAll }, { databaseUrl });
  let page: Page;
  let workId = '';
  /** The first sentence of the work. */
  let segmentId = '';
  const readUrl = (mode: ReadingMode) => `${baseUrl}/works/${workId}/read?mode=${mode}&target=fr&lang=en`;

  beforeAll(async () => {
    page = await people.open();
    await signUpAsAdmin(page, { baseUrl, databaseUrl, name: 'Mira Miller', email: people.email('Mira Miller') });
    const imported = await page.request.post(`${baseUrl}/api/imports`, { multipart: { text: `${ENGLISH.join(' ')}\n`, title: 'The Miller’s Count', language: 'en', collection: `Comfort ${people.suffix}` } });
    expect(imported.status()).toBe(201);
    workId = ((await imported.json()) as { workId: string }).workId;
    const translated = await page.request.post(`${baseUrl}/api/works/${workId}/translations`, { multipart: { text: `${FRENCH.join(' ')}\n`, language: 'fr' } });
    expect(translated.status()).toBe(201);
    const [first] = (await runSql(databaseUrl, `SELECT id FROM segment WHERE work_id = $1 AND kind = 'SENTENCE' ORDER BY order_key LIMIT 1`, [workId])).rows as { id: string }[];
    segmentId = first?.id ?? '';
  });

  it('sets the text size and line spacing from the "Aa" settings by keyboard, in every mode, and keeps them across a reload', async () => {
    await page.goto(readUrl('parallel'));
    const source = page.locator('[data-pair="source"]').first();
    await source.waitFor();
    const standard = await metrics(source);
    // The standard step: 18 px on a wide screen, leading 1.75.
    expect(standard.fontSize).toBeCloseTo(18, 1);
    expect(standard.lineHeight / standard.fontSize).toBeCloseTo(1.75, 2);

    const button = page.getByRole('button', { name: 'Reading settings' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    const size = page.getByRole('group', { name: 'Text size' });
    const spacing = page.getByRole('group', { name: 'Line spacing' });
    await expect(size.getByRole('radio', { checked: true }).getAttribute('value')).resolves.toBe('1');
    // Into the size group (its checked radio), two steps larger; then the spacing group, one step looser.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await expect(size.getByRole('radio', { name: '130%' }).isChecked()).resolves.toBe(true);
    await expect(spacing.getByRole('radio', { name: 'Relaxed' }).isChecked()).resolves.toBe(true);
    const expected = { fontSize: 18 * (READING_SIZE_STEPS[3] ?? 0), leading: READING_LEADING_STEPS[2] ?? 0 };
    const chosen = await metrics(source);
    expect(chosen.fontSize).toBeCloseTo(expected.fontSize, 1);
    expect(chosen.lineHeight / chosen.fontSize).toBeCloseTo(expected.leading, 2);
    // The translation's column follows too.
    expect((await metrics(page.locator('[data-pair="translation"]').first())).fontSize).toBeCloseTo(expected.fontSize, 1);
    // Escape closes the settings and gives the focus back to their button.
    await page.keyboard.press('Escape');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).resolves.toBe('false');

    // The server renders the page with the choice already: no script has to resize the text.
    const html = await (await page.request.get(readUrl('single'))).text();
    expect(html).toContain('data-reading-size="3"');
    expect(html).toContain('data-reading-leading="2"');
    for (const mode of READING_MODES) {
      await page.goto(readUrl(mode));
      const text = page.locator('.reading [data-segment]').first();
      await text.waitFor();
      const shown = await metrics(text);
      expect(shown.fontSize, mode).toBeCloseTo(expected.fontSize, 1);
      expect(shown.lineHeight / shown.fontSize, mode).toBeCloseTo(expected.leading, 2);
    }
    await page.reload();
    await page.getByRole('button', { name: 'Reading settings' }).click();
    await expect(page.getByRole('group', { name: 'Text size' }).getByRole('radio', { name: '130%' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('group', { name: 'Line spacing' }).getByRole('radio', { name: 'Relaxed' }).isChecked()).resolves.toBe(true);
    // A click on a label chooses too, and a click outside closes the settings.
    await page.getByRole('group', { name: 'Text size' }).getByText('85%').click();
    expect((await metrics(page.locator('.reading [data-segment]').first())).fontSize).toBeCloseTo(18 * (READING_SIZE_STEPS[0] ?? 0), 1);
    await page.locator('h1').click();
    await expect(page.getByRole('button', { name: 'Reading settings' }).getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.getByRole('group', { name: 'Text size' }).isVisible()).resolves.toBe(false);

    // On a phone the settings open whole on the screen, at its foot.
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      await page.getByRole('button', { name: 'Reading settings' }).click();
      const box = await page.getByRole('group', { name: 'Reading settings' }).boundingBox();
      expect(box).not.toBeNull();
      expect(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 360 && box.y + box.height <= 740).toBe(true);
      await page.getByRole('group', { name: 'Line spacing' }).getByText('Normal').click();
      // The standard size is 17 px on a phone; the 85 % step chosen above still holds.
      const phone = await metrics(page.locator('.reading [data-segment]').first());
      expect(phone.fontSize).toBeCloseTo(17 * (READING_SIZE_STEPS[0] ?? 0), 1);
      expect(phone.lineHeight / phone.fontSize).toBeCloseTo(READING_LEADING_STEPS[1] ?? 0, 2);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('follows a dark system theme: a dark page, and axe-core finds no critical or serious violation', async () => {
    const dark = await people.open();
    await dark.emulateMedia({ colorScheme: 'dark' });
    try {
      const pages: [string, string][] = [
        ['the library', `${baseUrl}/`],
        ['a work page', `${baseUrl}/works/${workId}`],
        ['the parallel reader', readUrl('parallel')],
        ['the single-language reader', `${baseUrl}/works/${workId}/read?mode=single&lang=fr`],
        ['the reader with printed pages', readUrl('pages')],
        ['a permalink', `${baseUrl}/s/${segmentId}`],
        ['search results', `${baseUrl}/search?q=granary`],
        ['sign-in', `${baseUrl}/sign-in`],
      ];
      const found: Record<string, string[]> = {};
      for (const [name, url] of pages) {
        await dark.goto(url);
        await dark.locator('main').first().waitFor();
        if (name.includes('reader')) await dark.locator('[data-segment]').first().waitFor();
        expect(luminance(await background(dark.locator('body'))), name).toBeLessThan(0.02);
        expect(luminance(await dark.locator('main').evaluate((element) => getComputedStyle(element).color)), name).toBeGreaterThan(0.6);
        found[name] = await seriousViolations(dark);
      }
      // The settings open, a pair highlighted: still legible.
      await dark.goto(readUrl('parallel'));
      await dark.getByRole('button', { name: 'Reading settings' }).click();
      await dark.locator('[data-pair="source"]').first().hover();
      found['the parallel reader with its settings open'] = await seriousViolations(dark);
      if (process.env.INTERLINEAR_SCREENSHOTS) await dark.screenshot({ path: 'docs/screenshots/reader-dark.png' });
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])));
    } finally {
      await dark.context().close();
    }
  });

  it('keeps the pages of volunteers and editors legible in the dark theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      const found: Record<string, string[]> = {};
      await page.goto(`${baseUrl}/works/${workId}/edit?lang=fr`);
      await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 20_000 }).toBe('saved');
      found['the editor'] = await seriousViolations(page);
      for (const [name, url] of [
        ['the review queue', '/review'],
        ['readers’ reports', '/review?tab=reports'],
        ['notifications', '/notifications'],
        ['the account', '/account'],
        ['the import page', '/import'],
        ['the admin page', '/admin'],
        ['the glossary', '/glossary'],
      ] as const) {
        await page.goto(`${baseUrl}${url}`);
        await page.locator('main').first().waitFor();
        expect(luminance(await background(page.locator('body'))), name).toBeLessThan(0.02);
        found[name] = await seriousViolations(page);
      }
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])));
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  it('passes axe-core in the light theme with the settings open', async () => {
    await page.goto(readUrl('parallel'));
    await page.getByRole('button', { name: 'Reading settings' }).click();
    await page.getByRole('group', { name: 'Text size' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('highlights the pair of a hovered or focused segment in the other column, in each mode showing two languages, wide and narrow', async () => {
    expect([...TWO_LANGUAGE_MODES, ...ONE_LANGUAGE_MODES].sort()).toEqual([...READING_MODES].sort());
    for (const mode of TWO_LANGUAGE_MODES) {
      for (const width of [1280, 420]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(readUrl(mode));
        const rows = page.locator('[data-segment]:has([data-pair])');
        await rows.first().waitFor();
        expect(await rows.count()).toBe(ENGLISH.length);
        const cells = (index: number) => ({ source: rows.nth(index).locator('[data-pair="source"]'), translation: rows.nth(index).locator('[data-pair="translation"]') });
        const first = cells(0);
        const second = cells(1);
        const label = `${mode} at ${width}px`;
        await expect(background(first.translation), label).resolves.toBe(TRANSPARENT);

        // Hover on the original: its translation lights up, and no other row.
        await first.source.hover();
        // Once the colour transition has ended: an opaque tint.
        await expect.poll(() => background(first.translation), { message: label }).toMatch(/^rgb\(/u);
        const highlight = await background(first.translation);
        await expect.poll(() => background(first.source)).toBe(highlight);
        await expect(background(second.translation)).resolves.toBe(TRANSPARENT);
        // And the other way round: hover on a translation lights up its original.
        await second.translation.hover();
        await expect.poll(() => background(second.source), { message: label }).toBe(highlight);
        await expect.poll(() => background(first.translation)).toBe(TRANSPARENT);

        // Keyboard focus does the same: Tab into the first passage's actions, then on to the next passage's.
        await page.mouse.move(0, 0);
        await expect.poll(() => background(second.source)).toBe(TRANSPARENT);
        await rows.nth(0).locator('a[data-permalink]').focus();
        await expect.poll(() => background(first.translation), { message: label }).toBe(highlight);
        await expect.poll(() => background(first.source)).toBe(highlight);
        for (let presses = 0; presses < 6; presses += 1) {
          const inSecond = await rows.nth(1).evaluate((row) => row.contains(document.activeElement));
          if (inSecond) break;
          await page.keyboard.press('Tab');
        }
        await expect(rows.nth(1).evaluate((row) => row.contains(document.activeElement))).resolves.toBe(true);
        await expect.poll(() => background(second.translation), { message: label }).toBe(highlight);
        await expect.poll(() => background(first.translation)).toBe(TRANSPARENT);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
