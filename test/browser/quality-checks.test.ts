import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { runSql, signUpAsAdmin, signUpAsVolunteer, useBrowserPeople } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

/** A short English report and its Russian translation, one sentence for one; the third translation has a wrong number. */
const ENGLISH = ['The salt works at Sol-Iletsk reopened in 1921.', 'Its manager hired 340 diggers that spring.', 'The first convoy left on 12 May.'];
const RUSSIAN = ['Соляные копи в Соль-Илецке вновь открылись в 1921 году.', 'Её управляющий нанял той весной 340 копателей.', 'Первый обоз ушёл 13 мая.'];

describe('the quality checks in the editor and on the work’s page', () => {
  const people = useBrowserPeople({ beforeAll, afterAll }, { databaseUrl });
  const { suffix } = people;
  let volunteer: Page;
  let editor: Page;
  let workId = '';
  let ids: string[] = [];

  beforeAll(async () => {
    editor = await people.open();
    await signUpAsAdmin(editor, { baseUrl, databaseUrl, name: 'Erik Editor', email: people.email('Erik Editor') });
    const imported = await editor.request.post(`${baseUrl}/api/imports`, { multipart: { text: `${ENGLISH.join(' ')}\n`, title: `The Salt Works ${suffix}`, language: 'en', collection: 'Reports' } });
    expect(imported.status()).toBe(201);
    workId = ((await imported.json()) as { workId: string }).workId;
    const translated = await editor.request.post(`${baseUrl}/api/works/${workId}/translations`, { multipart: { text: `${RUSSIAN.join(' ')}\n`, language: 'ru' } });
    expect(translated.status()).toBe(201);
    ids = (await runSql(databaseUrl, `SELECT s.id FROM segment s WHERE s.work_id = $1 AND s.kind <> 'PARAGRAPH' ORDER BY s.order_key`, [workId])).rows.map((row: { id: string }) => row.id);
    expect(ids).toHaveLength(ENGLISH.length);
    volunteer = await people.open();
    await signUpAsVolunteer(volunteer, { baseUrl, name: 'Vera Volunteer', email: people.email('Vera Volunteer') });
  });

  it('shows a wrong number under the draft as it is typed, and takes it away once it is right', async () => {
    await volunteer.goto(`${baseUrl}/works/${workId}/edit?lang=ru`);
    await expect.poll(() => volunteer.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 20_000 }).toBe('saved');
    const draft = volunteer.locator(`textarea[data-draft="${ids[1]}"]`);
    const findings = volunteer.locator(`[data-findings="${ids[1]}"]`);
    await draft.click();
    await volunteer.keyboard.press('Control+End');
    await draft.pressSequentially(' Их было 350.', { delay: 20 });
    const finding = findings.locator('[data-finding="numbers"]');
    await finding.waitFor();
    await expect(finding.getAttribute('data-finding-key')).resolves.toBe('extra:350');
    await expect(finding.textContent()).resolves.toContain('“350” of the translation is not in the original.');
    // Opening the check's name tells what it looks at and how to fix it.
    await finding.locator('summary').click();
    await expect(finding.textContent()).resolves.toContain('How to fix:');
    // Right again: the finding goes as the text changes, with no request in between.
    await draft.fill(RUSSIAN[1] as string);
    await expect.poll(() => findings.locator('[data-finding="numbers"]').count()).toBe(0);
    // Another row with a finding says how many it has while its draft is not the one being edited.
    await expect(volunteer.locator(`[data-segment-row="${ids[2]}"] [data-check-count]`).getAttribute('data-check-count')).resolves.toBe('2');
  });

  it('lets an editor dismiss a finding on the work’s page with a reason, and restore it', async () => {
    await editor.goto(`${baseUrl}/works/${workId}/checks?lang=ru&check=numbers`);
    const segment = editor.locator(`[data-segment-findings="${ids[2]}"]`);
    const finding = segment.locator('[data-finding-key="missing:12"]');
    await finding.waitFor();
    await finding.getByRole('button', { name: 'Dismiss' }).click();
    await finding.getByLabel('Why is this not a problem here?').fill('The convoy left on the 13th: the report is wrong.');
    await finding.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => finding.getAttribute('data-dismissed'), { timeout: 15_000 }).toBe('');
    await expect(finding.locator('[data-dismissal]').textContent()).resolves.toBe('Dismissed by Erik Editor: The convoy left on the 13th: the report is wrong.');
    await expect(editor.locator('[data-check-filter="numbers"]').textContent()).resolves.toContain('(1 + 1 dismissed)');
    const stored = await runSql(databaseUrl, `SELECT check_id, finding_key, reason FROM check_dismissal WHERE segment_id = $1`, [ids[2]]);
    expect(stored.rows).toEqual([{ check_id: 'numbers', finding_key: 'missing:12', reason: 'The convoy left on the 13th: the report is wrong.' }]);

    await finding.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => finding.getAttribute('data-dismissed'), { timeout: 15_000 }).toBeNull();
    expect((await runSql(databaseUrl, `SELECT count(*)::int AS n FROM check_dismissal WHERE segment_id = $1`, [ids[2]])).rows[0]).toEqual({ n: 0 });
    expect(people.consoleErrors).toEqual([]);
  });

  it('reads the checks’ context again once a text is published: a repeated sentence then meets its new translation', async () => {
    const repeated = 'The owners of the salt works doubled the night shifts.';
    const imported = await editor.request.post(`${baseUrl}/api/imports`, { multipart: { text: `${repeated} The diggers protested. ${repeated}\n`, title: `The Night Shifts ${suffix}`, language: 'en', collection: 'Reports' } });
    expect(imported.status()).toBe(201);
    const shifts = ((await imported.json()) as { workId: string }).workId;
    await runSql(databaseUrl, `INSERT INTO work_language (work_id, language) VALUES ($1, 'ru')`, [shifts]);
    const rows = (await runSql(databaseUrl, `SELECT s.id FROM segment s WHERE s.work_id = $1 AND s.kind <> 'PARAGRAPH' ORDER BY s.order_key`, [shifts])).rows.map((row: { id: string }) => row.id);
    expect(rows).toHaveLength(3);
    await editor.goto(`${baseUrl}/works/${shifts}/edit?lang=ru`);
    await expect.poll(() => editor.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 20_000 }).toBe('saved');
    // Nothing is translated when the page opens: the third row has no other translation to meet.
    const first = editor.locator(`textarea[data-draft="${rows[0]}"]`);
    await first.click();
    await first.fill('Хозяева солеварни удвоили ночные смены.');
    await editor.keyboard.press('Control+Alt+Enter');
    await expect.poll(async () => (await runSql(databaseUrl, `SELECT count(*)::int AS n FROM segment_text WHERE segment_id = $1 AND language = 'ru' AND published_revision_id IS NOT NULL`, [rows[0]])).rows[0], { timeout: 15_000 }).toEqual({ n: 1 });
    const third = editor.locator(`textarea[data-draft="${rows[2]}"]`);
    await third.click();
    await third.fill('Владельцы солеварни удвоили ночные смены.');
    const finding = editor.locator(`[data-findings="${rows[2]}"] [data-finding="consistency"]`);
    await finding.waitFor({ timeout: 15_000 });
    await expect(finding.textContent()).resolves.toContain('The same sentence is translated “Хозяева солеварни удвоили ночные смены.”');
    expect(people.consoleErrors).toEqual([]);
  });
});
