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

  it('opens a note in place from its marker, by mouse and by keyboard, and closes it with Escape', async () => {
    const text = [
      'The delegates argued about the harvest for a long time.1 Nobody agreed on the figures, and the',
      'meeting was adjourned until the week after, when the reports arrived and were read out.2',
      'He skipped over* the stage, as the author said of it, and went on to the next',
      'thing that had to be done, which he did without a word to anybody at all.',
      '* My italics.',
      '',
      'NOTES',
      '1 The harvest of that year was the worst in a decade.',
      '2 The reports came from the provincial committees.',
    ].join('\n');
    await view.page.setViewportSize({ width: 1280, height: 900 });
    await view.page.goto(`${baseUrl}/import`);
    await view.page.locator('input[type="file"]').setInputFiles({ name: 'harvest.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await view.page.getByLabel('Title').fill('The Harvest Meeting');
    await view.page.getByLabel('Collection').fill('Interviews');
    await view.page.getByRole('button', { name: /^import/i }).click();
    const parallelLink = view.page.getByRole('link', { name: /parallel/i }).first();
    await parallelLink.waitFor({ timeout: 30_000 });
    await view.page.goto(`${baseUrl}${(await parallelLink.getAttribute('href')) ?? ''}`);

    const marker = view.page.getByRole('button', { name: 'Note 1', exact: true });
    await marker.waitFor();
    await expect(marker.getAttribute('aria-expanded')).resolves.toBe('false');
    const panel = view.page.locator(`[id="${(await marker.getAttribute('aria-controls')) ?? ''}"]`);
    await expect(panel.isVisible()).resolves.toBe(false);
    // A click opens the note where the marker is, without leaving the page.
    const before = view.page.url();
    await marker.click();
    await expect(marker.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(panel.isVisible()).resolves.toBe(true);
    await expect(panel.textContent()).resolves.toContain('The harvest of that year was the worst in a decade.');
    expect(view.page.url()).toBe(before);
    // Escape closes it and gives the focus back to the marker.
    await view.page.keyboard.press('Escape');
    await expect(panel.isVisible()).resolves.toBe(false);
    await expect(marker.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    // By keyboard: Enter opens it, Tab reaches its link to the note.
    await view.page.keyboard.press('Enter');
    await expect(panel.isVisible()).resolves.toBe(true);
    await view.page.keyboard.press('Tab');
    const link = panel.getByRole('link', { name: 'Go to the note' });
    await expect(link.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await expect(link.getAttribute('href')).resolves.toMatch(/^\/s\/[0-9a-f-]{36}$/u);
    // A press outside closes it (touch as well as mouse).
    await view.page.locator('h1').first().click();
    await expect(panel.isVisible()).resolves.toBe(false);
    // The author's asterisk note opens the same way.
    const star = view.page.getByRole('button', { name: 'Note *', exact: true });
    await star.click();
    const starNote = view.page.locator(`[id="${(await star.getAttribute('aria-controls')) ?? ''}"]`);
    await expect(starNote.textContent()).resolves.toContain('My italics.');
    // On a phone, tapped: the note opens within the screen, and the page does not scroll sideways.
    await view.page.keyboard.press('Escape');
    await view.page.setViewportSize({ width: 375, height: 800 });
    await marker.tap().catch(() => marker.click());
    await expect(panel.isVisible()).resolves.toBe(true);
    const box = await panel.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    await expect(view.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).resolves.toBeLessThanOrEqual(1);
  });

  it('logged no console errors on the way', () => {
    expect(view.consoleErrors).toEqual([]);
  });
});
