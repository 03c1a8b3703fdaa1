import { randomBytes } from 'node:crypto';

import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { signUpAsAdmin, useBrowserPage } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

/** The demo work's first paragraph, aligned 1–1 when the database is fresh. */
const EN_FIRST = 'Every town keeps a list of small duties';
const EN_SECOND = 'Ours was kept by Mr. Arlen Vosk';
const FR_FIRST = 'Chaque ville tient une liste de petits devoirs';
const FR_SECOND = 'La nôtre était tenue par M. Arlen Vosk';
/** The paragraph's third sentence and the next paragraph's first, for a four-sentence unit. */
const EN_THIRD = 'He carried a ladder';
const EN_FOURTH = 'In the notebook he recorded';
const FR_THIRD = 'Il portait une échelle';
const FR_FOURTH = 'Dans le carnet, il notait';

/** Each alignment group of the editor: how many source rows it joins, and its translation. */
type Snapshot = [rows: number, translation: string][];

describe('an editor fixes the alignment of the demo translation by hand', () => {
  const view = useBrowserPage({ beforeAll, afterAll });
  let workId = '';
  const email = `aligner-${randomBytes(4).toString('hex')}@example.org`;

  const editorUrl = () => `${baseUrl}/works/${workId}/align?lang=fr`;
  const row = (text: string): Locator => view.page.locator('[data-align-row]', { hasText: text });
  const groupOf = (text: string): Locator => view.page.locator('[data-align-group]', { has: row(text) });
  const snapshot = (): Promise<Snapshot> =>
    view.page.locator('[data-align-group]').evaluateAll((groups) =>
      groups.map((group): [number, string] => [group.querySelectorAll('[data-align-row]').length, group.querySelector('[data-align-translation]')?.textContent?.trim() ?? '']),
    );
  /** Clicks one of a row's action buttons and waits until the request is over. */
  const act = async (text: string, action: string) => {
    await row(text).getByRole('button', { name: action, exact: true }).click();
    await view.page.locator('ol[aria-busy="false"]').waitFor();
  };


  it('signs up, and is made a site admin', async () => {
    await signUpAsAdmin(view.page, { baseUrl, databaseUrl, name: 'Bea Aligner', email });
  });

  it('opens the editor from the work view.page with the rows side by side', async () => {
    await view.page.goto(`${baseUrl}/`);
    await view.page.getByRole('link', { name: /The Lamplighter’s Almanac/ }).first().click();
    await view.page.getByRole('link', { name: 'Fix alignment' }).click();
    await view.page.waitForURL(/\/works\/[0-9a-f-]{36}\/align\?lang=fr$/);
    workId = /\/works\/([0-9a-f-]{36})\//.exec(view.page.url())?.[1] ?? '';
    await row(EN_SECOND).waitFor();
    expect(await groupOf(EN_SECOND).locator('[data-align-translation]').textContent()).toContain(FR_SECOND);
    // The first row has nothing before it; a 1–1 row has nothing to split.
    await expect(view.page.locator('[data-align-row]').first().getByRole('button', { name: 'Merge with previous' }).isDisabled()).resolves.toBe(true);
    await expect(row(EN_SECOND).getByRole('button', { name: 'Split off the last sentence' }).isDisabled()).resolves.toBe(true);
  });

  let original: Snapshot = [];

  it('merges a row with the previous one, and the parallel reader shows one French passage for both sentences', async () => {
    original = await snapshot();
    await act(EN_SECOND, 'Merge with previous');
    const merged = groupOf(EN_FIRST);
    await expect.poll(() => merged.locator('[data-align-row]').count()).toBe(2);
    const translation = (await merged.locator('[data-align-translation]').textContent()) ?? '';
    expect(translation).toContain(FR_FIRST);
    expect(translation).toContain(FR_SECOND);
    await expect(row(EN_SECOND).getByRole('button', { name: 'Split off the last sentence' }).isEnabled()).resolves.toBe(true);
    await view.page.getByRole('status').filter({ hasText: 'Merged with the previous row.' }).waitFor();

    await view.page.goto(`${baseUrl}/works/${workId}/read?mode=parallel&target=fr`);
    const readerRow = view.page.locator('div[data-segment]', { hasText: EN_FIRST });
    await readerRow.waitFor();
    const source = (await readerRow.locator('[lang="en"]').textContent()) ?? '';
    expect(source).toContain(EN_FIRST);
    expect(source).toContain(EN_SECOND);
    const french = readerRow.locator('[lang="fr"]');
    await expect(french.count()).resolves.toBe(1);
    expect(await french.textContent()).toContain(FR_FIRST);
    expect(await french.textContent()).toContain(FR_SECOND);
    // No row of its own is left for the second sentence.
    await expect(view.page.locator('div[data-segment]', { hasText: FR_SECOND }).count()).resolves.toBe(1);
  });

  it('comes back and undoes the merge with the Undo button', async () => {
    await view.page.goto(editorUrl());
    await row(EN_SECOND).waitFor();
    const undo = view.page.getByRole('button', { name: 'Undo', exact: true });
    // The undo stack is kept for the tab, so the merge can still be undone after reading.
    await expect.poll(() => undo.isEnabled()).toBe(true);
    await undo.click();
    await expect.poll(snapshot).toEqual(original);
    await view.page.getByRole('status').filter({ hasText: 'Undid “Merge with previous”.' }).waitFor();
  });

  it('splits a merged row back into two', async () => {
    await act(EN_SECOND, 'Merge with previous');
    await expect.poll(() => groupOf(EN_FIRST).locator('[data-align-row]').count()).toBe(2);
    await act(EN_SECOND, 'Split off the last sentence');
    await expect.poll(snapshot).toEqual(original);
  });

  it('moves a sentence up and back down, and Ctrl+Z undoes the last move', async () => {
    await act(EN_SECOND, 'Move first sentence up');
    await expect.poll(async () => (await groupOf(EN_FIRST).locator('[data-align-translation]').textContent()) ?? '').toContain(FR_SECOND);
    expect(await groupOf(EN_SECOND).locator('[data-align-translation]').textContent()).toContain('No translation');
    const shiftedUp = await snapshot();

    await act(EN_FIRST, 'Move last sentence down');
    await expect.poll(snapshot).toEqual(original);

    await view.page.keyboard.press('Control+z');
    await expect.poll(snapshot).toEqual(shiftedUp);
    // Moved down again rather than undone twice: a second undo over the same rows is refused by
    // the server (the first undo wrote new revisions, so the older edit's base is gone).
    await act(EN_FIRST, 'Move last sentence down');
    await expect.poll(snapshot).toEqual(original);
  });

  /** The translation text of the group that holds a row. */
  const translationOf = async (text: string) => (await groupOf(text).locator('[data-align-text]').textContent()) ?? '';

  it('splits a four-sentence unit after its second sentence with the keyboard, and finds it so after a reload', async () => {
    for (const text of [EN_SECOND, EN_THIRD, EN_FOURTH]) await act(text, 'Merge with previous');
    await expect.poll(() => groupOf(EN_FIRST).locator('[data-align-row]').count()).toBe(4);
    // A translation covering several rows comes with a suggested split.
    await groupOf(EN_FIRST).locator('[data-split-suggestion]').waitFor();

    // Escape closes the chooser without changing anything.
    await row(EN_FIRST).getByRole('button', { name: 'Split…' }).click();
    const slider = view.page.getByRole('slider', { name: 'Split point' });
    await expect.poll(() => slider.evaluate((element) => element === document.activeElement)).toBe(true);
    await view.page.keyboard.press('Escape');
    await expect.poll(() => slider.count()).toBe(0);

    await row(EN_FIRST).getByRole('button', { name: 'Split…' }).click();
    await expect.poll(() => slider.evaluate((element) => element === document.activeElement)).toBe(true);
    // Home: after the first word; ↓ twice: the end of the first, then of the second sentence.
    for (const key of ['Home', 'ArrowDown', 'ArrowDown']) await view.page.keyboard.press(key);
    const before = (await view.page.locator('[data-split-before]').textContent()) ?? '';
    expect(before).toContain(FR_SECOND);
    expect(before).not.toContain(FR_THIRD);
    expect(await view.page.locator('[data-split-after]').textContent()).toMatch(new RegExp(`^${FR_THIRD}.*${FR_FOURTH}`, 'u'));
    await view.page.keyboard.press('Enter');
    await view.page.getByRole('status').filter({ hasText: 'Split: the text after the point moved to the next row.' }).waitFor();

    const check = async () => {
      await expect.poll(() => groupOf(EN_FIRST).locator('[data-align-row]').count()).toBe(1);
      expect((await translationOf(EN_FIRST)).trim()).toBe(before.trim());
      await expect.poll(() => groupOf(EN_SECOND).locator('[data-align-row]').count()).toBe(3);
      expect(await translationOf(EN_SECOND)).toContain(`${FR_THIRD}`);
      expect(await translationOf(EN_SECOND)).toContain(FR_FOURTH);
    };
    await check();
    await view.page.reload();
    await row(EN_SECOND).waitFor();
    await check();
  });

  it('applies the suggested split of a translation covering three rows, and undoes it', async () => {
    const suggestion = groupOf(EN_SECOND).locator('[data-split-suggestion]');
    const quoted = ((await suggestion.locator('q').textContent()) ?? '').replace(/^…/u, '');
    expect(quoted).not.toBe('');
    const unsplit = await snapshot();
    await suggestion.getByRole('button', { name: 'Apply suggested split' }).click();
    await view.page.locator('ol[aria-busy="false"]').waitFor();
    await expect.poll(() => groupOf(EN_SECOND).locator('[data-align-row]').count()).toBe(1);
    // The row keeps the text up to the suggested point; the next row has the rest as its own.
    expect((await translationOf(EN_SECOND)).trim().endsWith(quoted)).toBe(true);
    await expect.poll(() => groupOf(EN_THIRD).locator('[data-align-row]').count()).toBe(2);
    expect(await translationOf(EN_THIRD)).toContain(FR_FOURTH);

    await view.page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(snapshot).toEqual(unsplit);
    await view.page.getByRole('status').filter({ hasText: 'Undid “Split at a point”.' }).waitFor();
  });

  it('fits a phone-width screen without sideways scrolling of the page', async () => {
    await view.page.setViewportSize({ width: 375, height: 800 });
    await view.page.goto(editorUrl());
    await row(EN_SECOND).waitFor();
    const overflow = await view.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });

  it('logged no console errors on the way', () => {
    expect(view.consoleErrors).toEqual([]);
  });
});
