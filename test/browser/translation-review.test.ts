import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { runSql, signUpAsAdmin, signUpAsVolunteer, useBrowserPeople } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

/** A short English chapter and its Russian translation, one sentence for one. */
const ENGLISH = ['The train was late again.', 'Anna waited on the cold platform.', 'She counted the lamps along the track.', 'The porter came out of the office.', 'He carried a small red lantern.', 'Nobody else was waiting.'];
const RUSSIAN = ['Поезд снова опаздывал.', 'Анна ждала на холодной платформе.', 'Она считала фонари вдоль пути.', 'Носильщик вышел из конторы.', 'Он нёс маленький красный фонарь.', 'Больше никто не ждал.'];
/** The translation of sentences 4 and 5 once the alignment joins them. */
const GROUPED = `${RUSSIAN[3]} ${RUSSIAN[4]}`;

const WAITING = 'Поезд опять опаздывал.';
const REJECTED = 'Анна мёрзла на платформе.';
const PARTLY = 'Она медленно считала все фонари вдоль пути.';
/** What the editor publishes of PARTLY after turning down its second change ("все"). */
const PARTLY_PUBLISHED = 'Она медленно считала фонари вдоль пути.';

describe('a newcomer translates a chapter into Russian while an editor reviews', () => {
  const people = useBrowserPeople({ beforeAll, afterAll }, { databaseUrl });
  const { suffix } = people;
  const emails: string[] = [];
  let volunteer: Page;
  let editor: Page;
  let workId = '';
  /** Segment ids of the English sentences, in reading order. */
  let ids: string[] = [];

  const row = (index: number) => volunteer.locator(`[data-segment-row="${ids[index]}"]`);
  const draft = (index: number) => volunteer.locator(`textarea[data-draft="${ids[index]}"]`);
  const saveState = (page: Page) => page.locator('[data-save-state]').getAttribute('data-save-state');
  const ownSuggestions = async () => (await runSql(databaseUrl, `SELECT s.segment_id, s.text, s.status FROM suggestion s JOIN "user" u ON u.id = s.author_id WHERE u.email = $1 ORDER BY s.id`, [emails[1]])).rows as { segment_id: string; text: string; status: string }[];
  const submitAll = async (expected: string) => {
    await volunteer.getByRole('button', { name: 'Submit all drafts marked done' }).click();
    await volunteer.locator('[data-editor-notice]').getByText(expected).waitFor();
  };
  /** Types a new draft in place of the old one and waits until the server has it. */
  const retype = async (index: number, text: string) => {
    await draft(index).fill(text);
    await expect.poll(() => saveState(volunteer)).toBe('saved');
  };

  beforeAll(async () => {
    editor = await people.open();
    emails.push(people.email('Editor'), people.email('Nina Newcomer'));
    await signUpAsAdmin(editor, { baseUrl, databaseUrl, name: 'Eda Editor', email: emails[0] as string });
    const imported = await editor.request.post(`${baseUrl}/api/imports`, { multipart: { text: `${ENGLISH.join(' ')}\n`, title: `The Late Train ${suffix}`, language: 'en', collection: 'Novels' } });
    expect(imported.status()).toBe(201);
    workId = ((await imported.json()) as { workId: string }).workId;
    const translated = await editor.request.post(`${baseUrl}/api/works/${workId}/translations`, { multipart: { text: `${RUSSIAN.join(' ')}\n`, language: 'ru' } });
    expect(translated.status()).toBe(201);
    const segments = await runSql(databaseUrl, `SELECT s.id FROM segment s WHERE s.work_id = $1 AND s.kind <> 'PARAGRAPH' ORDER BY s.order_key`, [workId]);
    ids = segments.rows.map((segment: { id: string }) => segment.id);
    expect(ids).toHaveLength(ENGLISH.length);

    // Sentences 4 and 5 of the original are one sentence of the translation: merged as the alignment editor does.
    const published = await runSql(databaseUrl, `SELECT segment_id, published_revision_id FROM segment_text WHERE language = 'ru' AND segment_id = ANY($1::uuid[])`, [[ids[3], ids[4]]]);
    const expected = Object.fromEntries(published.rows.map((text: { segment_id: string; published_revision_id: string | null }) => [text.segment_id, text.published_revision_id]));
    const merged = await editor.request.post(`${baseUrl}/api/works/${workId}/alignment/edits`, { data: { language: 'ru', segmentId: ids[4], operation: 'merge', expected } });
    expect(merged.status()).toBe(201);

    volunteer = await people.open();
    await signUpAsVolunteer(volunteer, { baseUrl, name: 'Nina Newcomer', email: emails[1] as string });
  });

  it('shows sentences translated as one as one row, and the server takes no text for the second of them', async () => {
    await volunteer.goto(`${baseUrl}/works/${workId}/edit?lang=ru`);
    await expect.poll(() => saveState(volunteer), { timeout: 20_000 }).toBe('saved');
    const group = row(3);
    await expect(group.getByText(ENGLISH[3] as string).isVisible()).resolves.toBe(true);
    await expect(group.locator(`[data-grouped-source="${ids[4]}"]`).textContent()).resolves.toBe(ENGLISH[4]);
    await expect(group.locator('textarea[data-draft]').count()).resolves.toBe(1);
    await expect(draft(3).inputValue()).resolves.toBe(GROUPED);
    await expect(draft(3).getAttribute('aria-label')).resolves.toBe('Russian, segments 4–5');
    // The second sentence has no box of its own: nothing to fill, nothing marked "Approved".
    await expect(row(4).getAttribute('data-continues-previous')).resolves.toBe('');
    await expect(row(4).locator('textarea, [data-status]').count()).resolves.toBe(0);
    await expect(row(4).evaluate((element) => element.getBoundingClientRect().height)).resolves.toBe(0);
    // Moving down from sentence 4 goes on to sentence 6.
    await draft(3).focus();
    await volunteer.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => volunteer.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.draft)).toBe(ids[5]);

    const refused = await volunteer.request.post(`${baseUrl}/api/suggestions`, { data: { segmentId: ids[4], language: 'ru', text: 'Он нёс фонарь.', baseRevisionId: null } });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('translated together with the one before it');
  });

  it('says a submitted draft is waiting for review, links to it, and does not offer to submit it again', async () => {
    await retype(0, WAITING);
    await draft(0).focus();
    await volunteer.keyboard.press('Control+Shift+Enter');
    await volunteer.locator('[data-editor-notice="success"]').getByText('submitted for review').waitFor();
    const waiting = row(0).locator('[data-waiting-review]');
    await waiting.waitFor();
    await expect(waiting.textContent()).resolves.toBe('Waiting for review');
    await expect(row(0).locator('[data-edited], [data-done], [data-proposed]').count()).resolves.toBe(0);
    await expect(row(0).getByRole('button', { name: 'Submit for review' }).count()).resolves.toBe(0);
    // The keyboard cannot send it twice either.
    await draft(0).focus();
    await volunteer.keyboard.press('Control+Shift+Enter');
    await volunteer.locator('[data-editor-notice="info"]').getByText('already waiting for review as it stands').waitFor();

    await waiting.getByRole('link').click();
    await volunteer.waitForURL(/\/suggestions\?suggestion=[0-9a-f-]{36}$/);
    const listed = volunteer.locator('[data-own-suggestion]');
    await expect(listed.count()).resolves.toBe(1);
    await expect(listed.getAttribute('data-status')).resolves.toBe('PENDING');
    await expect(listed.textContent()).resolves.toContain('опять');
    await volunteer.goBack();
    await expect.poll(() => saveState(volunteer), { timeout: 20_000 }).toBe('saved');
    // Changed again, the draft is a new proposal.
    await retype(0, `${WAITING} Снова.`);
    await expect(row(0).locator('[data-waiting-review]').count()).resolves.toBe(0);
    await row(0).getByRole('button', { name: 'Submit for review' }).waitFor();
    await retype(0, WAITING);
    await row(0).locator('[data-waiting-review]').waitFor();
  });

  it('submits the drafts marked done, and the editor rejects one and approves only part of another', async () => {
    for (const [index, text] of [[1, REJECTED], [2, PARTLY]] as const) {
      await retype(index, text);
      await draft(index).focus();
      await volunteer.keyboard.press('Alt+Enter');
      await row(index).locator('[data-done]').waitFor();
    }
    await expect.poll(() => saveState(volunteer)).toBe('saved');
    await submitAll('2 drafts submitted for review; 1 already waiting for review');
    await row(1).locator('[data-waiting-review]').waitFor();
    await row(2).locator('[data-waiting-review]').waitFor();

    await editor.goto(`${baseUrl}/review?work=${workId}`);
    const rejected = editor.locator('[data-suggestion]').filter({ hasText: 'мёрзла' });
    await rejected.click();
    await rejected.getByRole('button', { name: 'Reject…' }).click();
    await rejected.getByLabel('Changes the meaning').check();
    await rejected.getByLabel('Note for the author (optional)').fill('She waited; she was not freezing.');
    await rejected.getByRole('button', { name: 'Reject', exact: true }).click();
    await rejected.waitFor({ state: 'detached' });

    const partly = editor.locator('[data-suggestion]').filter({ hasText: 'медленно' });
    await expect(partly.locator('[data-hunk]').count()).resolves.toBe(2);
    await partly.locator('[data-hunk="1"]').click();
    await editor.keyboard.press('a');
    await partly.waitFor({ state: 'detached' });
    const published = await runSql(databaseUrl, `SELECT r.text FROM segment_text t JOIN revision r ON r.id = t.published_revision_id WHERE t.segment_id = $1 AND t.language = 'ru'`, [ids[2]]);
    expect(published.rows).toEqual([{ text: PARTLY_PUBLISHED }]);
  });

  it('shows each decision on the draft it concerns, keeps the volunteer’s text, and never submits it again as it stands', async () => {
    // The volunteer's editor is still open: the decisions arrive without a reload.
    const rejection = row(1).locator('[data-decision="REJECTED"]');
    await rejection.waitFor({ timeout: 20_000 });
    await expect(rejection.textContent()).resolves.toContain('Rejected: Changes the meaning — She waited; she was not freezing.');
    const partial = row(2).locator('[data-decision="PARTLY_APPROVED"]');
    await partial.waitFor({ timeout: 20_000 });
    await expect(partial.textContent()).resolves.toContain('Partly approved: turned down “∅ → все” (Not in the original)');
    await row(2).locator('[data-base-stale]').waitFor();
    for (const [index, text] of [[1, REJECTED], [2, PARTLY]] as const) {
      await expect(draft(index).inputValue()).resolves.toBe(text);
      await expect(row(index).locator('[data-done], [data-waiting-review]').count()).resolves.toBe(0);
      await expect(row(index).getByRole('button', { name: 'Submit for review' }).count()).resolves.toBe(0);
    }
    await row(0).locator('[data-waiting-review]').waitFor();

    await submitAll('No new draft to submit; 1 already waiting for review');
    // Marked done again as it stands, the rejected draft is still not sent.
    await draft(1).focus();
    await volunteer.keyboard.press('Alt+Enter');
    await row(1).locator('[data-done]').waitFor();
    await expect.poll(() => saveState(volunteer)).toBe('saved');
    await submitAll('No new draft to submit; 1 already waiting for review; 1 turned down earlier as it stands (change it first)');
    expect((await ownSuggestions()).map((suggestion) => suggestion.status)).toEqual(['PENDING', 'REJECTED', 'PUBLISHED']);

    // Reworked, it is a new proposal.
    await retype(1, 'Анна ждала на платформе.');
    await expect(row(1).locator('[data-decision]').count()).resolves.toBe(0);
    await row(1).getByRole('button', { name: 'Submit for review' }).click();
    await row(1).locator('[data-waiting-review]').waitFor();
    expect((await ownSuggestions()).map((suggestion) => suggestion.status)).toEqual(['PENDING', 'REJECTED', 'PUBLISHED', 'PENDING']);
  });

  it('logs nothing to the console', () => {
    expect(people.consoleErrors).toEqual([]);
  });
});
