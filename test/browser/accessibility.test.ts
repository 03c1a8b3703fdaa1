import path from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { seriousViolations } from '../helpers/axe';
import { runSql, signUpAsAdmin, signUpAsVolunteer, useBrowserPeople } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');
const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

describe('every main page and state passes axe-core without a critical or serious violation', () => {
  const people = useBrowserPeople({ beforeAll, afterAll }, { databaseUrl });
  let workId = '';
  let segmentId = '';
  let reader: Page;
  let volunteer: Page;
  let admin: Page;

  beforeAll(async () => {
    const work = await runSql(databaseUrl, `SELECT id FROM work WHERE title LIKE 'The Lamplighter%' ORDER BY created_at LIMIT 1`);
    workId = String(work.rows[0]?.id);
    const segment = await runSql(databaseUrl, `SELECT id FROM segment WHERE work_id = $1 AND kind = 'SENTENCE' AND retired_at IS NULL ORDER BY order_key LIMIT 1`, [workId]);
    segmentId = String(segment.rows[0]?.id);
    reader = await people.open();
    volunteer = await people.open();
    admin = await people.open();
    await signUpAsVolunteer(volunteer, { baseUrl, name: 'Ada Access', email: people.email('Ada Access') });
    await signUpAsAdmin(admin, { baseUrl, databaseUrl, name: 'Axel Admin', email: people.email('Axel Admin') });
  });

  const readerPages: [string, () => string][] = [
    ['the library', () => '/'],
    ['a work page', () => `/works/${workId}`],
    ['the parallel reader', () => `/works/${workId}/read?mode=parallel&target=fr`],
    ['the single-language reader', () => `/works/${workId}/read?mode=single&lang=fr`],
    ['the reader with printed pages', () => `/works/${workId}/read?mode=pages`],
    ['a permalink', () => `/s/${segmentId}`],
    ['a discussion', () => `/s/${segmentId}/discussion`],
    ['search results', () => '/search?q=lamp'],
    ['the concordance', () => '/concordance?q=lamp&source=en&target=fr'],
    ['the API reference', () => '/docs/api'],
    ['sign-in', () => '/sign-in'],
    ['sign-up', () => '/sign-up'],
  ];
  for (const [name, url] of readerPages) {
    it(`for readers: ${name}`, async () => {
      await reader.goto(`${baseUrl}${url()}`);
      await reader.locator('main').first().waitFor();
      if (name.includes('reader')) await reader.locator('[data-segment]').first().waitFor();
      expect(await seriousViolations(reader)).toEqual([]);
    });
  }

  it('for readers: the reader at the end of the text, with its end mark', async () => {
    await reader.goto(`${baseUrl}/works/${workId}/read?mode=single&lang=en`);
    await reader.getByText('End of the text').waitFor({ state: 'attached', timeout: 20_000 });
    expect(await seriousViolations(reader)).toEqual([]);
  });

  it('for volunteers: the editor with a segment’s history open, notifications, own suggestions and the account', async () => {
    await volunteer.goto(`${baseUrl}/works/${workId}/edit?lang=fr`);
    await expect.poll(() => volunteer.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 20_000 }).toBe('saved');
    const row = volunteer.locator('[data-segment-row]').nth(1);
    await row.getByRole('button', { name: 'History' }).click();
    await volunteer.locator('[data-segment-details]').waitFor();
    const found: Record<string, string[]> = { 'editor with history': await seriousViolations(volunteer) };
    for (const [name, url] of [
      ['notifications', '/notifications'],
      ['own suggestions', '/suggestions'],
      ['account', '/account'],
    ] as const) {
      await volunteer.goto(`${baseUrl}${url}`);
      await volunteer.locator('main').first().waitFor();
      found[name] = await seriousViolations(volunteer);
    }
    expect(found).toEqual({ 'editor with history': [], notifications: [], 'own suggestions': [], account: [] });
  });

  it('for editors and admins: the review queue with the reject form open', async () => {
    // A suggestion waiting for review, from the volunteer.
    const [{ id: firstId, text: firstText } = { id: '', text: '' }] = (
      await runSql(
        databaseUrl,
        `SELECT s.id, r.text FROM segment s JOIN segment_text st ON st.segment_id = s.id AND st.language = 'en' JOIN revision r ON r.id = st.published_revision_id
          WHERE s.work_id = $1 AND s.kind = 'SENTENCE' AND s.retired_at IS NULL ORDER BY s.order_key OFFSET 2 LIMIT 1`,
        [workId],
      )
    ).rows as { id: string; text: string }[];
    const [{ id: revisionId } = { id: '' }] = (await runSql(databaseUrl, `SELECT published_revision_id AS id FROM segment_text WHERE segment_id = $1 AND language = 'en'`, [firstId])).rows as { id: string }[];
    const suggested = await volunteer.request.post(`${baseUrl}/api/suggestions`, { data: { segmentId: firstId, language: 'en', text: `${firstText} Indeed.`, baseRevisionId: revisionId } });
    expect(suggested.status()).toBe(201);
    const { suggestionId } = (await suggested.json()) as { suggestionId: string };

    try {
      await admin.goto(`${baseUrl}/review?work=${workId}`);
      const card = admin.locator('article, li').filter({ hasText: 'Indeed.' }).first();
      await card.getByRole('button', { name: /^Reject/ }).first().click();
      await admin.getByRole('textbox').first().waitFor();
      expect(await seriousViolations(admin)).toEqual([]);
    } finally {
      // The demo work is shared by the other browser tests: nothing of this one stays in its queue.
      await runSql(databaseUrl, `DELETE FROM suggestion WHERE id = $1`, [suggestionId]);
    }
  });

  const editorPages: [string, () => string][] = [
    ['readers’ reports', () => '/review?tab=reports'],
    ['the alignment editor', () => `/works/${workId}/align?lang=fr`],
    ['proofreading', () => `/works/${workId}/proofread`],
    ['the admin page', () => '/admin'],
    ['the audit log', () => '/admin/audit'],
    ['the memory exchange', () => '/admin/memory'],
  ];
  for (const [name, url] of editorPages) {
    it(`for editors and admins: ${name}`, async () => {
      await admin.goto(`${baseUrl}${url()}`);
      await admin.locator('main').first().waitFor();
      expect(await seriousViolations(admin)).toEqual([]);
    });
  }

  it('for editors and admins: an import with its cleanup preview', async () => {
    await admin.goto(`${baseUrl}/import`);
    await admin.locator('input[type="file"]').setInputFiles(path.join(CORPUS, 'stalin-works-vol8-ocr.en.txt'));
    await admin.locator('[data-cleanup-diff]').waitFor({ timeout: 30_000 });
    await admin.waitForFunction(() => document.querySelector('[data-cleanup-diff]')?.getAttribute('aria-busy') === 'false');
    expect(await seriousViolations(admin)).toEqual([]);
  });
});

describe('one whole cycle by keyboard alone: a volunteer translates and submits, an editor approves', () => {
  const people = useBrowserPeople({ beforeAll, afterAll }, { databaseUrl });
  const TRANSLATION = 'Der Fährmann setzte bei Einbruch der Dämmerung über.';
  let workId = '';
  let admin: Page;

  /** Presses Tab until the focused element matches `selector` (at most `limit` times); the element's attribute `attribute`. */
  const tabTo = async (page: Page, selector: string, attribute: string, limit = 120): Promise<string> => {
    for (let presses = 0; presses < limit; presses++) {
      await page.keyboard.press('Tab');
      const found = await page.evaluate(([wanted, name]) => (document.activeElement?.matches(wanted) ? document.activeElement.getAttribute(name) : null), [selector, attribute] as const);
      if (found !== null) return found;
    }
    throw new Error(`no ${selector} within ${limit} presses of Tab`);
  };

  beforeAll(async () => {
    // A work of its own, with a language nobody has translated into yet: the demo stays as it is.
    admin = await people.open();
    await signUpAsAdmin(admin, { baseUrl, databaseUrl, name: 'Ed Keys', email: people.email('Ed Keys') });
    const imported = await admin.request.post(`${baseUrl}/api/imports`, { multipart: { text: 'The ferryman crossed at dusk. The river was wide.\n', title: 'The Ferry', author: 'A. Boatwright', language: 'en', collection: `Ferries ${people.suffix}` } });
    expect(imported.status()).toBe(201);
    workId = ((await imported.json()) as { workId: string }).workId;
    await runSql(databaseUrl, `INSERT INTO work_language (work_id, language) VALUES ($1, 'de') ON CONFLICT DO NOTHING`, [workId]);
  });

  it('translates, submits and approves without a mouse', async () => {
    const volunteer = await people.open();
    await signUpAsVolunteer(volunteer, { baseUrl, name: 'Kim Keys', email: people.email('Kim Keys') });
    await volunteer.goto(`${baseUrl}/works/${workId}/edit?lang=de`);
    await expect.poll(() => volunteer.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 20_000 }).toBe('saved');
    const segmentId = await tabTo(volunteer, 'textarea[data-draft]', 'data-draft');
    await volunteer.keyboard.type(TRANSLATION);
    await expect.poll(() => volunteer.locator('[data-save-state]').getAttribute('data-save-state')).toBe('saved');
    await volunteer.keyboard.press('Control+Shift+Enter');
    await volunteer.locator('[data-editor-notice="success"]').getByText('submitted for review').waitFor();

    await admin.goto(`${baseUrl}/review?segment=${segmentId}`);
    await admin.getByText(TRANSLATION).first().waitFor();
    // The queue's own keys: A approves the selected suggestion.
    await admin.keyboard.press('a');
    await expect
      .poll(async () => (await runSql(databaseUrl, `SELECT r.text FROM segment_text st JOIN revision r ON r.id = st.published_revision_id WHERE st.segment_id = $1 AND st.language = 'de'`, [segmentId])).rows[0]?.text, { timeout: 15_000 })
      .toBe(TRANSLATION);
    expect(people.consoleErrors).toEqual([]);
  });
});
