import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { runSql, signUpAsAdmin, signUpAsVolunteer, useBrowserPeople } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

/**
 * A short invented chapter as OCR left it: a chapter title read as a sentence of the first
 * paragraph, two sentences glued together (no space after the full stop), and one sentence cut in
 * two. Its French translation has none of these faults.
 */
const TITLE = 'Chapter Two.';
const GLUED = 'The ferry left before dawn.The fog lay thick on the water.';
const CUT = ['Old Tomas stood at the rail.', 'Counting the gulls.'];
const LAST = 'Nobody spoke on the crossing.';
const ENGLISH = `${TITLE} ${GLUED} ${CUT.join(' ')}\n\n${LAST}\n`;
const FRENCH = "Chapitre deux. Le bac partit avant l'aube. Le brouillard couvrait l'eau. Le vieux Tomas se tenait au bastingage. Il comptait les mouettes.\n\nPersonne ne parla pendant la traversée.\n";
/** The translation of the glued sentence, which the aligner gives to it whole. */
const GLUED_FRENCH = "Le bac partit avant l'aube. Le brouillard couvrait l'eau.";

describe('a volunteer proposes structural corrections of an OCR’d chapter and an editor decides them', () => {
  const people = useBrowserPeople({ beforeAll, afterAll }, { databaseUrl });
  const { suffix } = people;
  const emails: string[] = [];
  let volunteer: Page;
  let editor: Page;
  let workId = '';
  /** Source segment ids in reading order: title, glued, cut[0], cut[1], last. */
  let ids: string[] = [];

  const row = (index: number) => volunteer.locator(`[data-segment-row="${ids[index]}"]`);
  const draft = (index: number) => volunteer.locator(`textarea[data-draft="${ids[index]}"]`);
  const saveState = (page: Page) => page.locator('[data-save-state]').getAttribute('data-save-state');
  const dialog = () => volunteer.locator('dialog[data-structure-dialog]');
  /** Proposes what the open dialog previews and waits for the editor's notice. */
  const propose = async (summary: RegExp) => {
    await dialog().locator('[data-structure-preview]').waitFor();
    await expect(dialog().locator('[data-structure-summary]').textContent()).resolves.toMatch(summary);
    await dialog().getByRole('button', { name: 'Propose' }).click();
    await dialog().waitFor({ state: 'detached' });
    await volunteer.locator('[data-editor-notice="success"]').getByText('proposed for review').waitFor();
  };

  beforeAll(async () => {
    editor = await people.open();
    emails.push(people.email('Editor'), people.email('Vera Volunteer'));
    await signUpAsAdmin(editor, { baseUrl, databaseUrl, name: 'Eda Editor', email: emails[0] as string });
    const imported = await editor.request.post(`${baseUrl}/api/imports`, { multipart: { text: ENGLISH, title: `The Crossing ${suffix}`, language: 'en', collection: 'Novels' } });
    expect(imported.status()).toBe(201);
    workId = ((await imported.json()) as { workId: string }).workId;
    const translated = await editor.request.post(`${baseUrl}/api/works/${workId}/translations`, { multipart: { text: FRENCH, language: 'fr' } });
    expect(translated.status()).toBe(201);
    const segments = await runSql(databaseUrl, `SELECT s.id FROM segment s WHERE s.work_id = $1 AND s.kind <> 'PARAGRAPH' ORDER BY s.order_key`, [workId]);
    ids = segments.rows.map((segment: { id: string }) => segment.id);
    expect(ids).toHaveLength(5);
    const glued = await runSql(databaseUrl, `SELECT r.text FROM segment_text t JOIN revision r ON r.id = t.published_revision_id WHERE t.segment_id = $1 AND t.language = 'fr'`, [ids[1]]);
    expect(glued.rows).toEqual([{ text: GLUED_FRENCH }]);

    volunteer = await people.open();
    await signUpAsVolunteer(volunteer, { baseUrl, name: 'Vera Volunteer', email: emails[1] as string });
  });

  it('splits the glued sentence, choosing the point with the keyboard', async () => {
    await volunteer.goto(`${baseUrl}/works/${workId}/edit?lang=en`);
    await expect.poll(() => saveState(volunteer), { timeout: 20_000 }).toBe('saved');
    await expect(volunteer.getByRole('list', { name: 'Keyboard shortcuts' }).textContent()).resolves.toContain('Structure menu');
    // The menu from the keyboard: Alt+M in the draft, arrows, Enter.
    await draft(1).focus();
    await volunteer.keyboard.press('Alt+m');
    const menu = row(1).getByRole('menu', { name: 'Change the structure' });
    await menu.waitFor();
    await expect(menu.getByRole('menuitem').allTextContents()).resolves.toEqual(['Split here…', 'Merge with next sentence', 'Make heading…', 'Make footnote…', 'Start a new paragraph here']);
    await expect.poll(() => volunteer.evaluate(() => document.activeElement?.textContent)).toBe('Split here…');
    await volunteer.keyboard.press('ArrowDown');
    await volunteer.keyboard.press('ArrowUp');
    await volunteer.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => volunteer.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe('menu');
    await volunteer.keyboard.press('Enter');
    await menu.waitFor();
    await volunteer.keyboard.press('Enter');

    const picker = dialog().getByRole('slider', { name: 'Where to split' });
    await picker.waitFor();
    await expect.poll(() => volunteer.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('slider');
    // The cut starts at the first sentence end, the one OCR glued; the arrows move it and come back.
    await expect(picker.getAttribute('aria-valuetext')).resolves.toBe('after “dawn.”, before “The”, a sentence end');
    await expect(dialog().locator('[data-gap][data-sentence-end]').count()).resolves.toBe(1);
    await volunteer.keyboard.press('ArrowRight');
    await expect(picker.getAttribute('aria-valuetext')).resolves.toBe('after “The”, before “fog”');
    await volunteer.keyboard.press('ArrowLeft');
    await volunteer.keyboard.press('Enter');
    if (process.env.INTERLINEAR_SCREENSHOTS) {
      await dialog().locator('[data-structure-preview]').waitFor();
      await volunteer.screenshot({ path: 'docs/screenshots/structure-dialog.png' });
    }
    await propose(/^Split/);
    await row(1).locator('[data-structure-waiting]').waitFor();
  });

  it('merges the sentence cut in two, and turns the chapter title into a heading', async () => {
    await row(2).getByRole('button', { name: 'Structure' }).click();
    await row(2).getByRole('menuitem', { name: 'Merge with next sentence' }).click();
    await dialog().locator('[data-structure-side="after"] [data-change="changed"]').waitFor();
    await dialog().getByLabel('Note for the editors (optional)').fill('One sentence in the scan, cut by a line break.');
    await propose(/^Merge/);

    await row(0).getByRole('button', { name: 'Structure' }).click();
    await row(0).getByRole('menuitem', { name: 'Make heading…' }).click();
    await dialog().getByLabel('Heading level').selectOption('2');
    await dialog().locator('[data-structure-side="after"] [data-kind="HEADING"]').waitFor();
    await expect(dialog().locator('[data-structure-side="after"] [data-kind="HEADING"]').textContent()).resolves.toContain('Heading 2');
    await propose(/heading/i);
    for (const index of [0, 2, 3]) await row(index).locator('[data-structure-waiting]').waitFor();

    // The same change twice is refused, in plain words, in the dialog.
    await row(0).getByRole('button', { name: 'Structure' }).click();
    await row(0).getByRole('menuitem', { name: 'Make heading…' }).click();
    // Refused by the preview already, or when proposing.
    await dialog().locator('[data-structure-preview], [role="alert"]').first().waitFor();
    if (await dialog().getByRole('button', { name: 'Propose' }).isEnabled()) await dialog().getByRole('button', { name: 'Propose' }).click();
    await expect(dialog().getByRole('alert').textContent()).resolves.toMatch(/already/i);
    await volunteer.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });

    const waiting = await runSql(databaseUrl, `SELECT count(*)::int AS count FROM suggestion s JOIN "user" u ON u.id = s.author_id WHERE u.email = $1 AND s.kind = 'STRUCTURE' AND s.status = 'PENDING'`, [emails[1]]);
    expect(waiting.rows).toEqual([{ count: 3 }]);
  });

  it('shows the editor the three structural diffs; the editor rejects the heading with a reason and approves the rest', async () => {
    // A correction of the glued sentence waits too: the split cannot be approved before it is decided.
    const glued = await runSql(databaseUrl, `SELECT published_revision_id FROM segment_text WHERE segment_id = $1 AND language = 'en'`, [ids[1]]);
    const correction = await volunteer.request.post(`${baseUrl}/api/suggestions`, { data: { segmentId: ids[1], language: 'en', text: GLUED.replace('dawn', 'the dawn'), baseRevisionId: (glued.rows[0] as { published_revision_id: string }).published_revision_id } });
    expect(correction.status()).toBe(201);

    await editor.goto(`${baseUrl}/review?work=${workId}&kind=STRUCTURE`);
    const cards = editor.locator('[data-suggestion]');
    await expect.poll(() => cards.count()).toBe(3);
    await expect(editor.getByLabel('Kind').inputValue()).resolves.toBe('STRUCTURE');

    const split = cards.filter({ has: editor.locator('[data-structure-summary]', { hasText: /^Split/ }) });
    // Before: one row with the cut marked; after: the first part changed, the second created, the translation to check.
    await expect(split.locator('[data-structure-side="before"] mark[data-mark]').count()).resolves.toBe(1);
    await expect(split.locator('[data-structure-side="after"] [data-structure-row][data-change="created"]').textContent()).resolves.toContain('The fog lay thick on the water.');
    await expect(split.locator('[data-structure-side="after"] [data-translation="fr"][data-to-check]').textContent()).resolves.toContain(GLUED_FRENCH);
    await expect(split.locator('[data-structure-side="after"] [data-translation="fr"][data-continues-previous]').textContent()).resolves.toContain('continues the row above');
    await expect(split.locator('[data-structure-side="after"] [data-structure-paragraph]').count()).resolves.toBeGreaterThan(0);

    const merge = cards.filter({ has: editor.locator('[data-structure-summary]', { hasText: /^Merge/ }) });
    await expect(merge.locator('[data-structure-note]').textContent()).resolves.toContain('cut by a line break');
    await expect(merge.locator('[data-structure-side="before"] [data-structure-row]').count()).resolves.toBeGreaterThanOrEqual(2);
    // After: one changed row with the join marked, the second sentence shown as removed.
    await expect(merge.locator('[data-structure-side="after"] [data-structure-row][data-change="changed"]').textContent()).resolves.toContain(CUT.join(' '));
    await expect(merge.locator('[data-structure-side="after"] [data-structure-row][data-change="changed"] mark[data-mark]').count()).resolves.toBe(1);
    await expect(merge.locator('[data-structure-side="after"] [data-structure-row][data-change="retired"]').textContent()).resolves.toContain('Removed');

    const heading = cards.filter({ has: editor.locator('[data-structure-summary]', { hasText: /heading/i }) });
    await heading.getByRole('button', { name: 'Reject…' }).click();
    await heading.getByLabel('Other').check();
    await heading.getByLabel('Note for the author (required)').fill('The scan prints it as a running head, not a chapter title.');
    await heading.getByRole('button', { name: 'Reject', exact: true }).click();
    await heading.waitFor({ state: 'detached' });

    // The split waits for the correction: the reason above the button, the button disabled (and A does nothing).
    await expect(split.locator('[data-structure-blockers]').textContent()).resolves.toContain('1 suggestion on these segments awaits review');
    await expect(split.getByRole('button', { name: 'Approve' }).isDisabled()).resolves.toBe(true);
    await split.locator('[data-structure-summary]').click();
    await editor.keyboard.press('a');
    await expect(cards.count()).resolves.toBe(2);
    await editor.goto(`${baseUrl}/review?segment=${ids[1]}&kind=CORRECTION`);
    const text = editor.locator('[data-suggestion]');
    await expect.poll(() => text.count()).toBe(1);
    await text.getByRole('button', { name: 'Reject…' }).click();
    await text.getByLabel('Changes the meaning').check();
    await text.getByRole('button', { name: 'Reject', exact: true }).click();
    await text.waitFor({ state: 'detached' });

    await editor.goto(`${baseUrl}/review?work=${workId}&kind=STRUCTURE`);
    await expect.poll(() => cards.count()).toBe(2);
    await expect(split.locator('[data-structure-blockers]').count()).resolves.toBe(0);
    if (process.env.INTERLINEAR_SCREENSHOTS) await split.screenshot({ path: 'docs/screenshots/structure-review.png' });
    for (const card of [split, merge]) {
      await expect(card.getByRole('button', { name: 'Approve' }).isDisabled()).resolves.toBe(false);
      await card.getByRole('button', { name: 'Approve' }).click();
      await card.waitFor({ state: 'detached' });
    }
    await editor.locator('[data-queue-empty]').waitFor();
  });

  it('lists the volunteer’s structural suggestions with what became of them', async () => {
    await volunteer.goto(`${baseUrl}/suggestions`);
    const items = volunteer.locator('[data-own-suggestion]');
    const structural = items.filter({ has: volunteer.locator('[data-structure-summary]') });
    await expect.poll(() => items.count()).toBe(4);
    await expect(structural.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-status')))).resolves.toEqual(['REJECTED', 'PUBLISHED', 'PUBLISHED']);
    await expect(structural.first().textContent()).resolves.toContain('running head');
    await expect(structural.first().locator('[data-structure-summary]').textContent()).resolves.toBe('Make “Chapter Two.” a heading (level 2)');
    await expect(structural.nth(1).textContent()).resolves.toContain('Applied');
  });

  it('reads the new structure, the translation covering both parts of the split and marked for checking', async () => {
    const after = await runSql(databaseUrl, `SELECT s.id, s.kind, r.text FROM segment s JOIN segment_text t ON t.segment_id = s.id AND t.language = 'en' JOIN revision r ON r.id = t.published_revision_id WHERE s.work_id = $1 AND s.kind <> 'PARAGRAPH' AND s.retired_at IS NULL ORDER BY s.order_key`, [workId]);
    expect(after.rows.map((segment: { kind: string; text: string }) => [segment.kind, segment.text])).toEqual([
      ['SENTENCE', TITLE],
      ['SENTENCE', 'The ferry left before dawn.'],
      ['SENTENCE', 'The fog lay thick on the water.'],
      ['SENTENCE', CUT.join(' ')],
      ['SENTENCE', LAST],
    ]);
    const second = (after.rows[2] as { id: string }).id;

    await volunteer.goto(`${baseUrl}/works/${workId}/read?mode=parallel&target=fr`);
    const pair = volunteer.locator(`[data-segment="${ids[1]}"]`).first();
    await pair.waitFor();
    const text = await pair.textContent();
    expect(text).toContain('The ferry left before dawn.');
    expect(text).toContain('The fog lay thick on the water.');
    expect(text).toContain(GLUED_FRENCH);
    await expect(pair.locator(`[data-segment="${second}"]`).count()).resolves.toBe(1);

    await volunteer.goto(`${baseUrl}/works/${workId}/edit?lang=fr`);
    await expect.poll(() => saveState(volunteer), { timeout: 20_000 }).toBe('saved');
    await row(1).locator('[data-stale]').waitFor();
    await expect(draft(1).inputValue()).resolves.toBe(GLUED_FRENCH);
  });

  it('takes the old permalink of the merged-away sentence to the sentence that replaced it', async () => {
    await volunteer.goto(`${baseUrl}/s/${ids[3]}`);
    await volunteer.waitForURL((url) => url.pathname === `/works/${workId}/read` && url.searchParams.get('at') === ids[2]);
    await volunteer.locator(`[data-segment="${ids[2]}"]`).first().waitFor();
  });

  it('previews a footnote with its reference and a joined paragraph, and proposes neither when cancelled', async () => {
    const live = await runSql(databaseUrl, `SELECT s.id FROM segment s WHERE s.work_id = $1 AND s.kind <> 'PARAGRAPH' AND s.retired_at IS NULL ORDER BY s.order_key`, [workId]);
    const [merged, last] = live.rows.slice(3).map((segment: { id: string }) => volunteer.locator(`[data-segment-row="${segment.id}"]`));
    if (!merged || !last) throw new Error('the merged sentence and the last one are missing');
    await volunteer.goto(`${baseUrl}/works/${workId}/edit?lang=en`);
    await expect.poll(() => saveState(volunteer), { timeout: 20_000 }).toBe('saved');

    await last.getByRole('button', { name: 'Structure' }).click();
    await last.getByRole('menuitem', { name: 'Make footnote…' }).click();
    await dialog().getByLabel('Footnote label').fill('1');
    // The reference goes at the end of the previous sentence unless moved.
    await expect(dialog().getByRole('slider', { name: 'Where the footnote reference goes' }).getAttribute('aria-valuetext')).resolves.toBe('after “gulls.”, at the end, a sentence end');
    const note = dialog().locator('[data-structure-side="after"] [data-kind="FOOTNOTE"]');
    await note.waitFor();
    await expect(note.textContent()).resolves.toContain('Footnote 1');
    await expect(dialog().locator('[data-structure-side="after"] [data-structure-row][data-kind="SENTENCE"] mark[data-mark]').count()).resolves.toBe(1);
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'detached' });

    await merged.getByRole('button', { name: 'Structure' }).click();
    await merged.getByRole('menuitem', { name: 'Join with next paragraph' }).click();
    await dialog().locator('[data-structure-preview]').waitFor();
    await expect(dialog().locator('[data-structure-side="before"] [data-structure-paragraph]').count()).resolves.toBe(2);
    const joined = dialog().locator('[data-structure-side="after"] [data-structure-paragraph]').filter({ hasText: LAST });
    await expect(joined.textContent()).resolves.toContain(CUT.join(' '));
    await expect(joined.locator('[data-kind="PARAGRAPH"][data-change="retired"]').textContent()).resolves.toContain('Removed');
    await volunteer.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await expect(merged.locator('[data-structure-waiting]').count()).resolves.toBe(0);
  });

  it('logs nothing to the console but the refusal of the change proposed twice', () => {
    expect(people.consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
  });
});
