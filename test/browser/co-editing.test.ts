import { randomBytes } from 'node:crypto';

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { collectConsoleErrors, launchBrowser, runSql, signUpAsVolunteer } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

/** Demo sentences (French translation) the volunteers edit. */
const FIRST = 'Chaque ville tient une liste de petits devoirs';
const SECOND = 'Il portait une échelle';

interface Volunteer {
  name: string;
  email: string;
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  /** While true, the collaboration socket opens but reaches nothing (a mock that never answers). */
  isCollabCut: boolean;
}

/** The segment id of the mounted draft that contains `text`. */
const segmentWith = (page: Page, text: string) =>
  page.evaluate((wanted) => [...document.querySelectorAll<HTMLTextAreaElement>('textarea[data-draft]')].find((element) => element.value.includes(wanted))?.dataset.draft ?? '', text);

describe('two volunteers edit the same translation at once', () => {
  let browser: Browser;
  const volunteers: Volunteer[] = [];
  const suffix = randomBytes(4).toString('hex');
  let editorUrl = '';
  let firstId = '';
  let secondId = '';

  /** Signs up in a browser context of its own (so each has its own cookies and IndexedDB). */
  const signUp = async (name: string): Promise<Volunteer> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const volunteer: Volunteer = { name, email: `${name.split(' ')[0]?.toLowerCase()}-${suffix}@example.org`, context, page, consoleErrors: collectConsoleErrors(page), isCollabCut: false };
    // Routed from the start: Playwright routes only the sockets of pages loaded after this call.
    await context.routeWebSocket(/\/collab$/, (socket) => {
      if (!volunteer.isCollabCut) socket.connectToServer();
    });
    await signUpAsVolunteer(page, { baseUrl, databaseUrl, name, email: volunteer.email });
    volunteers.push(volunteer);
    return volunteer;
  };
  const ada = () => volunteers[0] as Volunteer;
  const bo = () => volunteers[1] as Volunteer;
  const draftValue = (page: Page, segmentId: string) => page.locator(`textarea[data-draft="${segmentId}"]`).inputValue();
  const saveState = (page: Page) => page.locator('[data-save-state]').getAttribute('data-save-state');

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    // Leave no account behind.
    if (volunteers.length > 0) await runSql(databaseUrl, `DELETE FROM "user" WHERE email = ANY($1::text[])`, [volunteers.map((volunteer) => volunteer.email)]);
  });

  it('opens the editor from the work page, source on the left and the French drafts on the right', async () => {
    const { page } = await signUp('Ada Lovelace');
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: /The Lamplighter’s Almanac/ }).first().click();
    await page.getByRole('link', { name: 'Translate and correct' }).click();
    await page.waitForURL(/\/works\/[0-9a-f-]{36}\/edit\?lang=fr$/);
    editorUrl = page.url();
    await expect.poll(() => saveState(page), { timeout: 20_000 }).toBe('saved');
    firstId = await segmentWith(page, FIRST);
    secondId = await segmentWith(page, SECOND);
    expect(firstId).toMatch(/^[0-9a-f-]{36}$/);
    expect(secondId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.locator(`[data-segment-row="${firstId}"]`).getByText('Every town keeps a list of small duties').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('list', { name: 'Keyboard shortcuts' }).isVisible()).resolves.toBe(true);
  });

  it('shows what one types to the other at once, with who is where', async () => {
    const { page: other } = await signUp('Bo Brandt');
    await other.goto(editorUrl);
    await expect.poll(() => saveState(other), { timeout: 20_000 }).toBe('saved');

    const { page } = ada();
    await page.locator(`textarea[data-draft="${firstId}"]`).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' — relu par Ada');
    await expect.poll(() => draftValue(other, firstId)).toContain('petits devoirs que personne n’écrit. — relu par Ada');
    await expect.poll(() => saveState(page)).toBe('saved');
    // Bo sees Ada among those present, on that row, with her caret in the draft.
    await other.locator('[aria-label="Also editing"] [data-presence-avatar="Ada Lovelace"]').waitFor();
    await other.locator(`[data-segment-row="${firstId}"] [data-presence-avatar="Ada Lovelace"]`).waitFor();
    await other.locator(`[data-segment-row="${firstId}"] [data-remote-caret="Ada Lovelace"]`).waitFor();
    // Both see the draft differs from the published text.
    await other.locator(`[data-segment-row="${firstId}"] [data-edited]`).waitFor();

    if (process.env.INTERLINEAR_SCREENSHOTS) {
      await other.locator(`textarea[data-draft="${secondId}"]`).click();
      await other.keyboard.press('End');
      await other.keyboard.type(' Bo');
      await page.locator(`[data-segment-row="${secondId}"] [data-remote-caret="Bo Brandt"]`).waitFor();
      await other.screenshot({ path: 'docs/screenshots/editor.png' });
      await other.keyboard.press('Backspace');
      await other.keyboard.press('Backspace');
      await other.keyboard.press('Backspace');
    }
  });

  it('moves between segments, marks one done and asks for review from the keyboard', async () => {
    const { page } = ada();
    await page.locator(`textarea[data-draft="${firstId}"]`).focus();
    await page.keyboard.press('Alt+Enter');
    await bo().page.locator(`[data-segment-row="${firstId}"] [data-done]`).waitFor();
    await page.keyboard.press('Alt+ArrowDown');
    const next = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.draft);
    expect(next).not.toBe(firstId);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.draft)).toBe(firstId);

    // Ada's draft of the first segment becomes a suggestion for the editors, with its base revision.
    await page.keyboard.press('Control+Shift+Enter');
    await page.locator('[data-editor-notice="success"]').getByText('submitted for review').waitFor();
    // The row is read again: the draft is the suggestion waiting for review, linked to it, and not offered again.
    const waiting = page.locator(`[data-segment-row="${firstId}"] [data-waiting-review]`);
    await waiting.waitFor();
    await expect(waiting.getByRole('link', { name: 'Waiting for review' }).getAttribute('href')).resolves.toMatch(/^\/suggestions\?suggestion=[0-9a-f-]{36}$/);
    await expect(page.locator(`[data-segment-row="${firstId}"]`).getByRole('button', { name: 'Submit for review' }).count()).resolves.toBe(0);
    // Bo, who shares the draft, sees it waiting once his rows are read again (someone else's: no link for a volunteer).
    await bo().page.reload();
    await expect.poll(() => saveState(bo().page), { timeout: 20_000 }).toBe('saved');
    await bo().page.locator(`[data-segment-row="${firstId}"] [data-waiting-review]`).getByText('Waiting for review').waitFor();
    await expect(bo().page.locator(`[data-segment-row="${firstId}"] [data-waiting-review] a`).count()).resolves.toBe(0);
    const stored = await runSql(
      databaseUrl,
      `SELECT s.text, s.status, s.base_revision_id = t.published_revision_id AS on_base FROM suggestion s JOIN "user" u ON u.id = s.author_id JOIN segment_text t ON t.segment_id = s.segment_id AND t.language = s.language WHERE s.segment_id = $1 AND u.email = $2`,
      [firstId, ada().email],
    );
    expect(stored.rows).toEqual([{ text: expect.stringContaining('— relu par Ada') as unknown, status: 'PENDING', on_base: true }]);
    // A volunteer may suggest, not publish.
    await expect(page.locator(`[data-segment-row="${firstId}"]`).getByRole('button', { name: 'Publish' }).count()).resolves.toBe(0);
    // Every draft marked done at once: this one is waiting for review already, as it is.
    await page.getByRole('button', { name: 'Submit all drafts marked done' }).click();
    await page.locator('[data-editor-notice="success"]').getByText('1 already waiting for review').waitFor();
  });

  it('opens at the segment a link names, with the caret in its draft', async () => {
    const { page } = ada();
    await page.goto(`${editorUrl}&segment=${secondId}`);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.draft), { timeout: 20_000 }).toBe(secondId);
    // Its draft loads and takes what is typed.
    await expect.poll(() => page.locator(`textarea[data-draft="${secondId}"]`).getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    await expect.poll(() => saveState(page), { timeout: 20_000 }).toBe('saved');
  });

  it('keeps a draft typed offline in the browser across a reload, and sends it once back online', async () => {
    const volunteer = ada();
    const { page, context } = volunteer;
    await context.setOffline(true);
    await expect.poll(() => saveState(page)).toBe('offline');
    await expect(page.getByText('Offline — drafts kept in this browser').isVisible()).resolves.toBe(true);
    await page.locator(`textarea[data-draft="${secondId}"]`).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' (hors ligne)');
    await expect.poll(() => draftValue(page, secondId)).toMatch(/ \(hors ligne\)$/);
    // The browser's store (IndexedDB) commits each keystroke's update in a transaction of its own,
    // after the textarea shows it: give the last ones time to be written before the page goes.
    await page.waitForTimeout(1_500);

    // Back online, but with the collaboration socket cut off (a mock that never answers), so only
    // this browser knows the draft.
    volunteer.isCollabCut = true;
    await context.setOffline(false);
    await page.reload();
    await expect.poll(() => draftValue(page, secondId), { timeout: 20_000 }).toContain('(hors ligne)');
    expect(await saveState(page)).toBe('connecting');
    expect(await draftValue(bo().page, secondId)).not.toContain('(hors ligne)');

    volunteer.isCollabCut = false;
    await page.reload();
    await expect.poll(() => saveState(page), { timeout: 20_000 }).toBe('saved');
    await expect.poll(() => draftValue(bo().page, secondId)).toContain('(hors ligne)');
  });

  it('lets guests read the drafts without editing them', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(editorUrl);
    await page.getByRole('link', { name: 'Sign in to edit' }).waitFor();
    await expect.poll(() => draftValue(page, secondId), { timeout: 20_000 }).toContain('(hors ligne)');
    await expect(page.locator(`textarea[data-draft="${secondId}"]`).getAttribute('readonly')).resolves.not.toBeNull();
    await context.close();
  });

  it('flags a draft whose published text changed meanwhile, and takes the new text on request', async () => {
    // An editor publishes another text elsewhere (as an approval would): Ada's edited draft is kept.
    const published = 'Chaque ville tient une liste de petits devoirs, que personne n’écrit jamais.';
    await runSql(
      databaseUrl,
      `WITH current AS (SELECT id, published_revision_id FROM segment_text WHERE segment_id = $1 AND language = 'fr'),
            added AS (INSERT INTO revision (id, segment_text_id, text, origin, parent_id) SELECT gen_random_uuid(), id, $2, 'EDIT', published_revision_id FROM current RETURNING id, segment_text_id)
       UPDATE segment_text SET published_revision_id = added.id, updated_at = now() FROM added WHERE segment_text.id = added.segment_text_id`,
      [firstId, published],
    );
    const { page } = bo();
    await page.reload();
    const row = page.locator(`[data-segment-row="${firstId}"]`);
    await row.locator('[data-base-stale]').waitFor({ timeout: 20_000 });
    expect(await draftValue(page, firstId)).toContain('relu par Ada');
    await row.getByRole('button', { name: 'Take the published text' }).click();
    await expect.poll(() => draftValue(page, firstId)).toBe(published);
    await expect(row.locator('[data-base-stale]').count()).resolves.toBe(0);
    await expect.poll(() => draftValue(ada().page, firstId)).toBe(published);
  });

  it('fits a phone-width screen without sideways scrolling of the page', async () => {
    const { page } = bo();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await page.locator(`textarea[data-draft="${firstId}"]`).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });

  it('logged no console errors for the volunteer who stayed online', () => {
    expect(bo().consoleErrors).toEqual([]);
  });
});
