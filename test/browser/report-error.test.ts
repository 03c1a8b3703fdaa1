import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { runSql, useBrowserPage } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

const MESSAGE = 'The lamplighter’s name is spelt differently in the original.';

describe('an anonymous reader reports an error from the reader', () => {
  const view = useBrowserPage({ beforeAll, afterAll });
  let workId = '';
  let segmentId = '';

  beforeAll(async () => {
    const found = await runSql(
      databaseUrl,
      `SELECT s.id, s.work_id FROM segment s JOIN segment_text st ON st.segment_id = s.id JOIN revision r ON r.id = st.published_revision_id
        WHERE st.language = 'en' AND r.text LIKE 'Every town keeps a list of small duties%'`,
    );
    workId = String(found.rows[0]?.work_id ?? '');
    segmentId = String(found.rows[0]?.id ?? '');
  });

  it('opens the dialog from the keyboard, sends the report on the translation and sees the confirmation', async () => {
    const { page } = view;
    await page.goto(`${baseUrl}/works/${workId}/read?mode=parallel`);
    const button = page.locator(`#s-${segmentId}`).getByRole('button', { name: 'Report an error in this passage' });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Report an error' });
    await dialog.waitFor();
    // The translation is reported by default; the original can be chosen instead.
    await expect(dialog.getByRole('radio', { name: 'French' }).isChecked()).resolves.toBe(true);
    await expect(dialog.getByRole('radio', { name: 'English' }).isVisible()).resolves.toBe(true);
    await expect(dialog.locator('blockquote').textContent()).resolves.toMatch(/^Chaque ville tient une liste de petits devoirs/);
    await dialog.getByLabel('What is wrong?').fill(MESSAGE);
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText('Thank you — your report was sent.').waitFor({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
    expect(view.consoleErrors).toEqual([]);
  });

  it('stored it for the editors, with the text the reader saw and without an account', async () => {
    const stored = await runSql(
      databaseUrl,
      `SELECT rr.language, rr.quoted_text, rr.reporter_id, rr.reporter_key, rr.status, r.text AS published
         FROM reader_report rr JOIN segment_text st ON st.segment_id = rr.segment_id AND st.language = rr.language JOIN revision r ON r.id = st.published_revision_id
        WHERE rr.segment_id = $1 AND rr.message = $2`,
      [segmentId, MESSAGE],
    );
    expect(stored.rows).toHaveLength(1);
    const row = stored.rows[0] as { language: string; quoted_text: string; reporter_id: string | null; reporter_key: string; status: string; published: string };
    expect(row).toMatchObject({ language: 'fr', reporter_id: null, status: 'OPEN' });
    expect(row.quoted_text).toBe(row.published);
    expect(row.reporter_key).toMatch(/^addr:[0-9a-f]{64}$/);
  });

  // The app of the browser tests trusts one proxy (TRUST_PROXY=1), so X-Forwarded-For is an
  // address it believes here; that it is ignored without TRUST_PROXY is checked in
  // test/unit/http/client-address.test.ts.
  it('keys anonymous reports by the connection’s address, whatever peer-address header a client sends', async () => {
    const { page } = view;
    const { token } = (await (await page.request.get(`${baseUrl}/api/reports/form-token`)).json()) as { token: string };
    // The form must have been shown for a few seconds; the first report waited as long.
    await page.waitForTimeout(3_500);
    const response = await page.request.post(`${baseUrl}/api/segments/${segmentId}/reports`, {
      headers: { 'content-type': 'application/json', 'x-interlinear-peer-address': '192.0.2.77' },
      data: { language: 'en', message: 'Sent with a made-up address.', formToken: token },
    });
    expect(response.status()).toBe(202);
    const keys = await runSql(databaseUrl, `SELECT DISTINCT reporter_key FROM reader_report WHERE segment_id = $1 AND message = ANY($2::text[])`, [segmentId, [MESSAGE, 'Sent with a made-up address.']]);
    expect(keys.rows).toHaveLength(1);
  });
});
