import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { signUpAsAdmin, useBrowserPage } from '../helpers/browser';
import { docxParagraph as p, makeDocx } from '../helpers/docx';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

describe('an admin previews the cleanup of an OCR volume, switches a rule off and imports, then imports it split into its works', () => {
  const view = useBrowserPage({ beforeAll, afterAll });
  const email = `previewer-${randomBytes(4).toString('hex')}@example.org`;


  /** The rule's row in the preview list, and the count on its badge. */
  const ruleRow = (ruleId: string) => view.page.locator(`li[data-cleanup-rule="${ruleId}"]`);
  const ruleCount = async (ruleId: string) => Number(((await ruleRow(ruleId).locator('span.tabular-nums').first().textContent()) ?? '').replace(/\D/g, ''));
  const diff = () => view.page.locator('[data-cleanup-diff]');
  /** Waits until the preview shows the current choice ("Preparing preview…" has gone). */
  const previewSettled = () => view.page.waitForFunction(() => document.querySelector('[data-cleanup-diff]')?.getAttribute('aria-busy') === 'false');

  it('signs up and is made a site admin', async () => {
    await signUpAsAdmin(view.page, { baseUrl, databaseUrl, name: 'Cy Previewer', email });
  });

  let diffWithJoins = '';

  it('chooses the OCR volume and sees each rule with its count, examples and the encoding', async () => {
    await view.page.goto(`${baseUrl}/import`);
    await view.page.locator('input[type="file"]').setInputFiles(path.join(CORPUS, 'stalin-works-vol8-ocr.en.txt'));
    await ruleRow('charset-punctuation').waitFor({ timeout: 20_000 });
    expect(await ruleCount('charset-punctuation')).toBeGreaterThan(0);
    expect(await ruleCount('running-headers')).toBeGreaterThan(0);
    expect(await ruleCount('line-joins')).toBeGreaterThan(0);
    // The structure rules report what they found like the others: numbered items and quotations.
    expect(await ruleCount('lists')).toBeGreaterThan(20);
    expect(await ruleCount('block-quotes')).toBeGreaterThan(20);
    await expect(ruleRow('lists').getByText(/^\d+ list items in \d+ lists$/u).isVisible()).resolves.toBe(true);
    // Examples show the change itself: a removed character and what replaced it.
    const examples = ruleRow('charset-punctuation').getByRole('list', { name: /Examples/ }).locator('li');
    expect(await examples.count()).toBeGreaterThanOrEqual(2);
    expect(await examples.first().locator('del').count()).toBeGreaterThan(0);
    expect(await examples.first().locator('ins').count()).toBeGreaterThan(0);
    await view.page.getByText('Read as UTF-8').waitFor();
    await expect(view.page.getByRole('switch', { name: 'Clean up the text' }).isChecked()).resolves.toBe(true);

    await diff().waitFor();
    await previewSettled();
    diffWithJoins = (await diff().textContent()) ?? '';
    expect(await diff().locator('del').count()).toBeGreaterThan(0);
    expect(await diff().locator('ins').count()).toBeGreaterThan(0);
  });

  it('switches line joins off and the diff preview follows', async () => {
    const joinedBreaks = () => diff().locator('del', { hasText: /^\[removed: ↵\]$/ }).count();
    const before = await joinedBreaks();
    expect(before).toBeGreaterThan(0);
    await view.page.getByRole('checkbox', { name: 'Hard line breaks' }).uncheck();
    await view.page.waitForFunction((previous) => document.querySelector('[data-cleanup-diff]')?.textContent !== previous, diffWithJoins, { timeout: 15_000 });
    await previewSettled();
    expect(await joinedBreaks()).toBeLessThan(before);
    await expect(ruleRow('line-joins').getByText(/^Off:/).isVisible()).resolves.toBe(true);

    await view.page.getByRole('button', { name: 'Show more' }).click();
    await view.page.getByText(/^Part 2 of \d+$/).waitFor();
    await previewSettled();
  });

  it('fits a phone-width screen with the preview open', async () => {
    await view.page.setViewportSize({ width: 375, height: 800 });
    const overflow = await view.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await view.page.setViewportSize({ width: 1280, height: 900 });
  });

  let workId = '';

  it('imports, and the summary reports the encoding and the rules used, not the one switched off', async () => {
    await view.page.getByLabel('Title').fill('Works, Volume 8 (preview test)');
    await view.page.getByLabel('Collection').fill('Collected works');
    await view.page.getByRole('button', { name: /^import/i }).click();
    const summary = view.page.getByRole('region', { name: 'How the text was read and cleaned' });
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toContain('Read as UTF-8');
    await summary.locator('[data-cleanup-rule="charset-punctuation"]').waitFor();
    await summary.locator('[data-cleanup-rule="running-headers"]').waitFor();
    await expect(summary.locator('[data-cleanup-rule="line-joins"]').count()).resolves.toBe(0);
    const href = (await view.page.getByRole('link', { name: 'Open the work' }).getAttribute('href')) ?? '';
    workId = /\/works\/([0-9a-f-]{36})/.exec(href)?.[1] ?? '';
    expect(workId).not.toBe('');
  });

  it('opens the reader, and no segment has the misread quotes left', async () => {
    await view.page.goto(`${baseUrl}/works/${workId}/read`);
    await view.page.locator('[data-segment]').first().waitFor();
    expect(await view.page.locator('main').textContent()).not.toContain('³');
    const response = await view.page.request.get(`${baseUrl}/api/works/${workId}/export`);
    expect(response.ok()).toBe(true);
    const segments = (await response.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { type: string; texts: Record<string, string> })
      .filter((line) => line.type === 'segment');
    expect(segments.length).toBeGreaterThan(100);
    expect(segments.filter((segment) => Object.values(segment.texts).some((text) => text.includes('³')))).toEqual([]);
  });

  it('chooses the volume again, confirms the proposed split and imports one work per item of the contents', async () => {
    await view.page.goto(`${baseUrl}/import`);
    await view.page.locator('input[type="file"]').setInputFiles(path.join(CORPUS, 'stalin-works-vol8-ocr.en.txt'));
    const proposal = view.page.getByRole('region', { name: /^This looks like a volume of \d+ works$/ });
    await proposal.waitFor({ timeout: 30_000 });
    const proposed = proposal.getByRole('list', { name: 'Works in the volume' }).locator('li');
    expect(await proposed.count()).toBeGreaterThanOrEqual(20);
    expect(await proposal.locator('li[data-work-kind="back-matter"]').count()).toBeGreaterThan(0);
    expect(await proposal.textContent()).toMatch(/p\. \d+/);
    const splitBox = view.page.getByRole('checkbox', { name: /^Import as \d+ separate works$/ });
    await expect(splitBox.isChecked()).resolves.toBe(false);
    await splitBox.check();

    await view.page.getByLabel('Title').fill('Works, Volume 8 (split test)');
    await view.page.getByLabel('Collection').fill('Collected works');
    await view.page.getByRole('button', { name: /^import/i }).click();
    const created = view.page.getByRole('region', { name: 'Works created' });
    await created.waitFor({ timeout: 120_000 });
    const links = created.getByRole('link');
    expect(await links.count()).toBeGreaterThanOrEqual(20);
    const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    expect(hrefs.every((href) => /^\/works\/[0-9a-f-]{36}$/.test(href))).toBe(true);
    expect(new Set(hrefs).size).toBe(hrefs.length);

    const work = created.locator('li[data-work-kind="work"]').first().getByRole('link');
    const workTitle = ((await work.textContent()) ?? '').trim();
    await work.click();
    await view.page.waitForURL(/\/works\/[0-9a-f-]{36}$/);
    await expect(view.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(workTitle);
  });

  it('shows the volume in the library with its works in printed order, and leads from work to work', async () => {
    await view.page.goto(`${baseUrl}/`);
    const volume = view.page.getByRole('region', { name: 'Works, Volume 8 (split test)' });
    const items = volume.getByRole('listitem');
    expect(await items.count()).toBeGreaterThanOrEqual(20);
    const first = items.first();
    expect(await first.textContent()).toMatch(/THE FIGHT AGAINST RIGHT.*January 22, 1926/u);
    expect(await volume.locator('p', { hasText: 'After the works:' }).textContent()).toMatch(/After the works: .*Notes/u);

    await first.getByRole('link').click();
    await view.page.waitForURL(/\/works\/[0-9a-f-]{36}$/);
    const navigation = view.page.getByRole('navigation', { name: 'In this volume' });
    const next = navigation.locator('a[rel="next"]');
    const nextTitle = ((await next.textContent()) ?? '').replace(/^Next: /u, '').replace(/ →$/u, '');
    expect(nextTitle).toMatch(/PREFACE TO THE FIRST EDITION/u);
    // The work page's next link names the next work (the reader's names its reader).
    const nextId = /\/works\/([0-9a-f-]{36})$/u.exec((await next.getAttribute('href')) ?? '')?.[1];
    expect(nextId).toBeDefined();
    await view.page.getByRole('link', { name: /parallel|single|read/i }).first().click();
    await view.page.waitForURL(/\/read/);
    await view.page.getByRole('navigation', { name: 'In this volume' }).locator('a[rel="next"]').click();
    // The reader of the next work, not the one already open (whose address also has /read).
    await view.page.waitForURL(new RegExp(`/works/${nextId}/read`, 'u'));
    await expect(view.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(nextTitle);
    await view.page.getByRole('link', { name: 'Contents of Works, Volume 8 (split test)' }).click();
    await view.page.waitForURL(/\/volumes\/[0-9a-f-]{36}$/);
    await expect(view.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Works, Volume 8 (split test)');
  });

  it('proposes an anthology without contents as its pieces, and imports each with its author and source as details', async () => {
    await view.page.goto(`${baseUrl}/import`);
    await view.page.locator('input[type="file"]').setInputFiles(path.join(CORPUS, 'lenin-stalin-quotes-collection.en.txt'));
    const proposal = view.page.getByRole('region', { name: 'This looks like a collection of 7 pieces' });
    await proposal.waitFor({ timeout: 30_000 });
    const proposed = proposal.getByRole('list', { name: 'Works in the volume' }).locator('li');
    expect(await proposed.first().textContent()).toMatch(/Lenin on ‘Jewish Nation’.*V\. I\. Lenin, 1903.*Iskra, No\. 51/u);
    await view.page.getByRole('checkbox', { name: 'Import as 7 separate works' }).check();
    await view.page.getByLabel('Title').fill('Quotations (anthology test)');
    // (The file's name and the proposal's heading say "collection" too.)
    await view.page.getByLabel('Collection', { exact: true }).fill('Collected works');
    await view.page.getByRole('button', { name: /^import/i }).click();
    const created = view.page.getByRole('region', { name: 'Works created' });
    await created.waitFor({ timeout: 120_000 });
    await created.getByRole('link', { name: /Lenin’s Wife on Stalin/u }).click();
    await view.page.waitForURL(/\/works\/[0-9a-f-]{36}$/);
    const details = view.page.locator('dl', { hasText: 'Source edition' });
    await expect(details.textContent()).resolves.toMatch(/AuthorN\. Krupskaya.*Date1936.*Source editionWhy Is the Second International Defending Trotsky\?.*Tags.*Krupskaya and Stalin/u);
    await expect(details.getByRole('link', { name: 'http://www.revolutionarydemocracy.org' }).getAttribute('href')).resolves.toBe('http://www.revolutionarydemocracy.org');
  });

  it('imports a Markdown text with a nested list, and the reader sets the nested items in under their item', async () => {
    await view.page.goto(`${baseUrl}/import`);
    const markdown = ['# The harbour plan', '', 'The council agreed on three things:', '', '1. a new pier', '   - of stone, not wood', '   - long enough for the ferry', '2. a lamp at the end of it', '3. a bench for the fishermen', ''].join('\n');
    await view.page.locator('input[type="file"]').setInputFiles({ name: 'harbour-plan.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown) });
    await view.page.getByLabel('Title').fill('The harbour plan (list test)');
    await view.page.getByLabel('Collection').fill('Collected works');
    await view.page.getByRole('button', { name: /^import/i }).click();
    const href = (await view.page.getByRole('link', { name: 'Open the work' }).getAttribute('href', { timeout: 30_000 })) ?? '';
    await view.page.goto(`${baseUrl}/works/${/\/works\/([0-9a-f-]{36})/.exec(href)?.[1] ?? ''}/read`);
    const items = view.page.locator('li[data-layout="LIST_ITEM"]');
    await items.first().waitFor();
    expect(await items.evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-depth'), element.querySelector('[data-marker]')?.textContent]))).toEqual([
      ['0', '1.'],
      ['1', '•'],
      ['1', '•'],
      ['0', '2.'],
      ['0', '3.'],
    ]);
    const left = (index: number) => items.nth(index).evaluate((element) => element.getBoundingClientRect().left);
    expect(await left(1)).toBeGreaterThan((await left(0)) + 16);
    expect(await left(3)).toBe(await left(0));
  });

  it('chooses a Word document: the server reads it, and the preview shows each rule with its count and the diff', async () => {
    await view.page.goto(`${baseUrl}/import`);
    const docx = makeDocx([
      p('A Conversation on the Harbour', 'Heading1'),
      p('³The river decides,² he said, ³and the river is slow.² ³So be it,² said the mayor.'),
      p('Baker: Where does the ferry stop?'),
      p('Carter: At the old pier, for now.'),
      p('Baker: And in winter?'),
      p('Carter: Not at all in winter.'),
      p('The notice on the pier said only this:'),
      p('Closed until further notice.', 'Quote'),
    ]);
    await view.page.locator('input[type="file"]').setInputFiles({ name: 'harbour.docx', mimeType: DOCX_TYPE, buffer: Buffer.from(docx) });
    await ruleRow('speaker-turns').waitFor({ timeout: 20_000 });
    await view.page.getByText(/^Word document · \d+ characters$/u).waitFor();
    expect(await ruleCount('speaker-turns')).toBe(4);
    expect(await ruleCount('charset-punctuation')).toBeGreaterThan(0);
    await diff().waitFor();
    await previewSettled();
    expect(await diff().locator('ins').count()).toBeGreaterThan(0);
  });

  it('logged no console errors on the way', () => {
    expect(view.consoleErrors).toEqual([]);
  });

  // Last: the browser logs the server's refusal (415) as a failed resource load.
  it('chooses a file named .docx that is no Word document, and the preview says why it cannot be read', async () => {
    await view.page.locator('input[type="file"]').setInputFiles({ name: 'fake.docx', mimeType: DOCX_TYPE, buffer: Buffer.from('just some text pretending') });
    const refusal = view.page.getByRole('alert').filter({ hasText: 'This file cannot be read' });
    await refusal.waitFor({ timeout: 20_000 });
    expect(await refusal.textContent()).toMatch(/not a Word document/u);
  });
});
