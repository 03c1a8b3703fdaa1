import { randomBytes } from 'node:crypto';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { listSegmentEntries, segmentEntries, segmentEntry } from '../../lib/collab/segment-doc';
import { launchBrowser, runSql, signUpAsVolunteer } from '../helpers/browser';
import { connectClient } from '../helpers/collab';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

describe('a signed-in volunteer cannot poison a co-edited document', () => {
  let browser: Browser;
  const email = `poisoner-${randomBytes(4).toString('hex')}@example.org`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    // Leave no account behind: another browser test expects to sign up the first account.
    await runSql(databaseUrl, `DELETE FROM "user" WHERE email = $1`, [email]);
  });

  it('refuses an entry replaced by a number, and the chunk still loads with every entry well-formed', async () => {
    const page = await browser.newPage();
    await signUpAsVolunteer(page, { baseUrl, databaseUrl, name: 'Pat Poisoner', email });
    const cookie = (await page.context().cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const response = await fetch(`${baseUrl}/api/collab/token`, { method: 'POST', headers: { cookie, origin: baseUrl, 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };

    const { rows } = await runSql(databaseUrl, `SELECT w.id FROM work w JOIN work_language wl ON wl.work_id = w.id AND wl.language = 'fr' ORDER BY w.created_at LIMIT 1`);
    // A real provider on the app's own collaboration endpoint.
    const chunk = { url: `${baseUrl.replace(/^http/, 'ws')}/collab`, workId: rows[0]?.id as string, language: 'fr', chunk: 0, token };

    const attacker = connectClient(chunk);
    await attacker.ready;
    const entries = listSegmentEntries(attacker.doc);
    expect(entries.length).toBeGreaterThan(0);
    const [segmentId, entry] = entries[0] as (typeof entries)[number];
    const draft = entry.text.toString();
    segmentEntries(attacker.doc).set(segmentId, 7);
    await expect.poll(() => attacker.closes.some((reason) => reason.startsWith('invalid-update')), { timeout: 10_000 }).toBe(true);
    attacker.destroy();

    const reader = connectClient(chunk);
    await reader.ready;
    expect(segmentEntry(reader.doc, segmentId)?.text.toString()).toBe(draft);
    expect(listSegmentEntries(reader.doc)).toHaveLength(entries.length);
    reader.destroy();
  });
});
