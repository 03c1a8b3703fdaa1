import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { SIGN_UP_LIMITS } from '../../lib/config/limits';
import { uniqueAddress } from '../helpers/addresses';
import { comeFromOwnAddress, runSql, useBrowserPage } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');
const [SHORT] = SIGN_UP_LIMITS;

/** The sign-up server action's request as the browser sends it, to send again with other input. */
interface CapturedAction {
  url: string;
  actionId: string;
}

type Outcome = { ok: true } | { ok: false; error: { code: string; message: string } };

const newForm = (password = 'a good long password') => ({ name: 'New Volunteer', email: `signup-${randomBytes(5).toString('hex')}@example.org`, password });

describe('signing up', () => {
  const view = useBrowserPage({ beforeAll, afterAll });
  let action: CapturedAction;
  /** The page's own address, which the sign-up in `beforeAll` counted once. */
  let pageAddress = '';

  /** Calls the sign-up action over plain HTTP, as a script skipping the page would, from `address`. */
  const signUp = async (input: Record<string, string>, address: string): Promise<Outcome> => {
    const response = await fetch(action.url, {
      method: 'POST',
      headers: { 'next-action': action.actionId, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: baseUrl, 'x-forwarded-for': address },
      body: JSON.stringify([null, input]),
    });
    expect(response.status).toBe(200);
    // The action's result is the RSC payload's line 1.
    const line = (await response.text()).split('\n').find((row) => row.startsWith('1:'));
    return JSON.parse(line?.slice(2) ?? 'null') as Outcome;
  };

  beforeAll(async () => {
    // One real sign-up through the form, to learn the action's id.
    pageAddress = await comeFromOwnAddress(view.page);
    const request = view.page.waitForRequest((candidate) => candidate.method() === 'POST' && !!candidate.headers()['next-action']);
    await view.page.goto(`${baseUrl}/sign-up`);
    await view.page.getByLabel('Name').fill('First Caller');
    await view.page.getByLabel('E-mail').fill(`caller-${randomBytes(4).toString('hex')}@example.org`);
    await view.page.getByLabel('Password').fill('a good long password');
    await view.page.getByRole('button', { name: /create account/i }).click();
    const sent = await request;
    action = { url: sent.url(), actionId: sent.headers()['next-action'] as string };
    await view.page.getByText('First Caller').first().waitFor();
  });

  it(`creates at most ${SHORT.max} accounts from one address in ${SHORT.windowSeconds / 60} minutes, even when sent at once`, async () => {
    const address = uniqueAddress();
    const forms = Array.from({ length: 10 }, () => newForm());
    const outcomes = await Promise.all(forms.map((form) => signUp(form, address)));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(SHORT.max);
    for (const outcome of outcomes.filter((candidate) => !candidate.ok)) {
      expect(outcome).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/try again in \d+ minutes?/) } });
    }
    const created = await runSql(databaseUrl, `SELECT count(*)::int AS count FROM "user" WHERE email = ANY($1::text[])`, [forms.map((form) => form.email)]);
    expect(created.rows[0]?.count).toBe(SHORT.max);
    // Another address may still sign up.
    expect(await signUp(newForm(), uniqueAddress())).toEqual({ ok: true, data: expect.anything() });
  });

  it('refuses common passwords and passwords made of the e-mail or name, even from a script that skips the page', async () => {
    for (const password of ['1234567890', 'qwertyuiop', 'iloveyou123']) {
      expect(await signUp(newForm(password), uniqueAddress())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const form = newForm();
    expect(await signUp({ ...form, password: `${form.email}!` }, uniqueAddress())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('tells someone signing up past the limit how long to wait', async () => {
    for (let i = 1; i < SHORT.max; i += 1) expect(await signUp(newForm(), pageAddress)).toMatchObject({ ok: true });
    await view.page.context().clearCookies();
    await view.page.goto(`${baseUrl}/sign-up`);
    await view.page.getByLabel('Name').fill('Late Caller');
    await view.page.getByLabel('E-mail').fill(`late-${randomBytes(4).toString('hex')}@example.org`);
    await view.page.getByLabel('Password').fill('a good long password');
    await view.page.getByRole('button', { name: /create account/i }).click();
    await view.page.getByRole('alert').getByText(/^Too many accounts have been created from your network; try again in \d+ minutes?\.$/).waitFor();
  });
});
