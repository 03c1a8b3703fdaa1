import path from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { signUpAsAdmin, useBrowserPage } from '../helpers/browser';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

describe('a new user signs up, imports a text and reads it', () => {
  const view = useBrowserPage({ beforeAll, afterAll });

  it('shows the demo collection in the public library', async () => {
    await view.page.goto(`${baseUrl}/`);
    await expect(view.page.getByRole('link', { name: /The Lamplighter’s Almanac/ }).first().isVisible()).resolves.toBe(true);
  });

  it('signs up, is signed in, and is made an administrator', async () => {
    await signUpAsAdmin(view.page, { baseUrl, databaseUrl, name: 'Ada Reader', email: 'ada@example.org' });
  });

  let workUrl = '';

  it('imports a corpus file and sees the summary', async () => {
    await view.page.goto(`${baseUrl}/import`);
    await view.page.locator('input[type="file"]').setInputFiles(path.join(CORPUS, 'wells-stalin-interview-1934.en.txt'));
    await view.page.getByLabel('Title').fill('Interview with H. G. Wells');
    await view.page.getByLabel('Collection').fill('Interviews');
    await view.page.getByRole('button', { name: /^import/i }).click();
    const parallelLink = view.page.getByRole('link', { name: /parallel/i }).first();
    await parallelLink.waitFor({ timeout: 30_000 });
    workUrl = (await parallelLink.getAttribute('href')) ?? '';
    expect(workUrl).toMatch(/\/works\/[0-9a-f-]{36}\/read/);
  });

  it('reads it in parallel mode, a window at a time', async () => {
    await view.page.goto(`${baseUrl}${workUrl}`);
    const rows = view.page.locator('[data-segment]');
    await rows.first().waitFor();
    const initial = await rows.count();
    expect(initial).toBeGreaterThan(20);
    expect(initial).toBeLessThanOrEqual(200);
    await expect(view.page.getByText(/Not translated yet|No translation yet/).first().isVisible()).resolves.toBe(true);
    // Scrolling to the end of the window loads the next one.
    await rows.last().scrollIntoViewIfNeeded();
    await view.page.waitForFunction((count) => document.querySelectorAll('[data-segment]').length > count, initial, { timeout: 15_000 });
  });

  it('shows who speaks where each turn begins, beside the original and the translation and in one-language mode', async () => {
    await view.page.goto(`${baseUrl}${workUrl}`);
    const firstTurn = view.page.locator('[data-segment]', { has: view.page.locator('[data-speaker="Wells"]') }).first();
    await firstTurn.waitFor();
    // Both cells of the row name the speaker; the name is no longer part of the text.
    expect(await firstTurn.locator('[data-speaker="Wells"]').count()).toBe(2);
    expect(await firstTurn.locator('[lang="en"]').textContent()).toMatch(/^Wells:I am very grateful/u);
    expect(await view.page.locator('[data-speaker="Stalin"]').count()).toBeGreaterThan(2);
    // Further paragraphs of a turn do not repeat the name: fewer names than paragraphs.
    const single = new URL(view.page.url());
    single.searchParams.set('mode', 'single');
    await view.page.goto(single.toString());
    const turns = view.page.locator('p[data-layout="SPEAKER_TURN"]');
    await turns.first().waitFor();
    const named = await view.page.locator('p[data-layout="SPEAKER_TURN"] [data-speaker]').count();
    expect(named).toBeGreaterThan(10);
    expect(named).toBeLessThan(await turns.count());
    expect(await turns.first().textContent()).not.toMatch(/Wells\./u);
  });

  it('a permalink deep in the work opens that segment, in view and marked', async () => {
    const workId = /\/works\/([0-9a-f-]{36})/.exec(workUrl)?.[1];
    const response = await view.page.request.get(`${baseUrl}/api/works/${workId}/segments?langs=en&after=a0&limit=200`);
    const firstWindow = (await response.json()) as { segments: { id: string; kind: string }[] };
    const deep = firstWindow.segments.filter((s) => s.kind === 'SENTENCE').at(-1);
    expect(deep).toBeDefined();
    await view.page.goto(`${baseUrl}/s/${deep?.id}`);
    await view.page.waitForURL(new RegExp(`#s-${deep?.id}$`));
    const target = view.page.locator(`#s-${deep?.id}`);
    await target.waitFor();
    await view.page.waitForFunction((id) => {
      const box = document.getElementById(`s-${id}`)?.getBoundingClientRect();
      return Boolean(box && box.top >= 0 && box.bottom <= window.innerHeight);
    }, deep?.id);
    expect(await target.evaluate((element) => element.outerHTML.includes('is-target'))).toBe(true);
  });

  it('shows the demo translation aligned row by row, and hovering one side highlights the pair', async () => {
    await view.page.goto(`${baseUrl}/`);
    await view.page.getByRole('link', { name: /The Lamplighter’s Almanac/ }).first().click();
    await view.page.getByRole('link', { name: /parallel/i }).first().click();
    const row = view.page.locator('[data-segment]', { hasText: 'Ours was kept by Mr. Arlen Vosk' });
    await row.waitFor();
    expect(await row.textContent()).toContain('La nôtre était tenue par M. Arlen Vosk');
    const target = row.locator('[lang="fr"]');
    const before = await target.evaluate((element) => getComputedStyle(element).backgroundColor);
    await row.locator('[lang="en"]').hover();
    await view.page.waitForFunction((previous) => {
      const cell = [...document.querySelectorAll('[data-segment]')].find((el) => el.textContent?.includes('Ours was kept by Mr. Arlen Vosk'))?.querySelector('[lang="fr"]');
      return cell ? getComputedStyle(cell).backgroundColor !== previous : false;
    }, before);
  });

  it('shows view.page anchors in the margin in view.page mode', async () => {
    const url = new URL(view.page.url());
    url.searchParams.set('mode', 'pages');
    await view.page.goto(url.toString());
    await view.page.getByText('p. 2', { exact: true }).first().waitFor();
  });

  it('opens a printed page from its address, and cites a passage with its page', async () => {
    const readerUrl = view.page.url();
    const workId = /\/works\/([0-9a-f-]{36})/.exec(readerUrl)?.[1];
    await view.page.goto(`${baseUrl}/works/${workId}/page/2`);
    await view.page.waitForURL(/mode=pages.*#s-[0-9a-f-]{36}$/u);
    const segmentId = /#s-([0-9a-f-]{36})$/u.exec(view.page.url())?.[1] ?? '';
    const passage = view.page.locator(`#s-${segmentId}`);
    await passage.waitFor();
    expect(await passage.textContent()).toContain('After his death the notebooks passed to the town library');

    // By keyboard: the margin actions of a sentence beginning on the same line may lie over this one's.
    await view.page.locator(`button[data-cite-segment="${segmentId}"]`).focus();
    await view.page.keyboard.press('Enter');
    const dialog = view.page.getByRole('dialog', { name: 'Cite this passage' });
    const note = dialog.locator('[data-citation="Note"]');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/“The Lamplighter’s Almanac,” .*, 2, http:\/\/.*\/s\/[0-9a-f-]{36}\.$/u);
    expect(await dialog.getByRole('link', { name: /\/page\/2$/u }).getAttribute('href')).toMatch(new RegExp(`/works/${workId}/page/2$`, 'u'));
    await dialog.getByRole('radio', { name: 'BibTeX' }).check();
    expect(await dialog.locator('[data-citation="BibTeX entry"]').textContent()).toContain('pages = {2}');
    await dialog.getByRole('radio', { name: 'CSL-JSON' }).check();
    expect(JSON.parse((await dialog.locator('[data-citation="CSL-JSON"]').textContent()) ?? '')).toMatchObject([{ title: 'The Lamplighter’s Almanac', page: '2' }]);
    await view.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await view.page.getByRole('button', { name: 'Cite', exact: true }).click();
    await view.page.getByRole('dialog', { name: 'Cite this work' }).locator('[data-citation="Bibliography entry"]').waitFor();
    await view.page.keyboard.press('Escape');

    await view.page.goto(`${baseUrl}/works/${workId}/page/99`);
    await view.page.getByText('This work has no page 99. It has pages 1–3.').waitFor();
    await view.page.goto(readerUrl);
  });

  it('fits a phone-width screen without sideways scrolling', async () => {
    await view.page.setViewportSize({ width: 375, height: 800 });
    for (const url of [view.page.url(), `${baseUrl}/`]) {
      await view.page.goto(url);
      await view.page.locator('main').first().waitFor();
      const overflow = await view.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
    }
  });

  it('logged no console errors on the way', () => {
    expect(view.consoleErrors).toEqual([]);
  });
});
