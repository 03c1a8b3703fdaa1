import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { setUpAdministrator } from '../../../lib/account/set-up-administrator';
import { checkSetupToken, hashSetupToken, issueSetupToken } from '../../../lib/account/setup-token';
import { loadActor } from '../../../lib/auth/load-actor';
import { ANONYMOUS } from '../../../lib/auth/permissions';
import { SETUP_TOKEN_TTL_SECONDS } from '../../../lib/config/limits';
import { getDb } from '../../../lib/db/client';
import { useScratchDatabase } from '../../helpers/db';
import { buildUser } from '../../helpers/factories';

const account = (email: string) => ({ email, name: 'Site Keeper', password: 'a good long password' });
const admins = () => getDb().user.findMany({ where: { siteRole: 'ADMIN', disabledAt: null }, select: { email: true } });
/** Leaves the site without an enabled administrator again, as a fresh site is. */
const disableAdmins = () => getDb().user.updateMany({ where: { siteRole: 'ADMIN' }, data: { disabledAt: new Date() } });

describe('the first administrator', () => {
  // An empty database: no administrator yet.
  useScratchDatabase({ beforeAll, afterAll });

  it('is set up with a one-time token kept only as a hash; only the token issued last works', async () => {
    const first = await issueSetupToken();
    const second = await issueSetupToken();
    expect(first && second).toBeTruthy();
    const rows = await getDb().adminSetupToken.findMany({ select: { tokenHash: true } });
    expect(rows).toEqual([{ tokenHash: hashSetupToken(second as string) }]);
    expect(rows[0]?.tokenHash).not.toContain(second as string);
    expect(await checkSetupToken({ token: first as string })).toBe('used-or-expired');
    await expect(setUpAdministrator({ actor: ANONYMOUS, input: { token: first, account: account('keeper@example.org') } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    const result = await setUpAdministrator({ actor: ANONYMOUS, input: { token: second, account: account('keeper@example.org') } });
    expect(result).toMatchObject({ email: 'keeper@example.org', isNewAccount: true });
    expect(await admins()).toEqual([{ email: 'keeper@example.org' }]);
    // Nothing more is issued while there is an administrator; the link is spent.
    expect(await issueSetupToken()).toBeNull();
    expect(await checkSetupToken({ token: second as string })).toBe('done');
  });

  it('works once: a used token opens nothing even when the site has no administrator again', async () => {
    await disableAdmins();
    const token = await issueSetupToken();
    await setUpAdministrator({ actor: ANONYMOUS, input: { token, account: account('once@example.org') } });
    await disableAdmins();
    await expect(setUpAdministrator({ actor: ANONYMOUS, input: { token, account: account('twice@example.org') } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await getDb().user.count({ where: { email: 'twice@example.org' } })).toBe(0);
  });

  it('promotes the signed-in account instead of creating one', async () => {
    await disableAdmins();
    const token = await issueSetupToken();
    const user = await buildUser();
    const result = await setUpAdministrator({ actor: await loadActor({ userId: user.id }), input: { token } });
    expect(result).toEqual({ userId: user.id, email: user.email, isNewAccount: false });
    expect((await loadActor({ userId: user.id })).kind === 'user' && (await loadActor({ userId: user.id }))).toMatchObject({ isSiteAdmin: true });
  });

  it('expires, and refuses weak passwords without spending the token', async () => {
    await disableAdmins();
    const old = await issueSetupToken({ now: new Date(Date.now() - (SETUP_TOKEN_TTL_SECONDS + 60) * 1000) });
    await expect(setUpAdministrator({ actor: ANONYMOUS, input: { token: old, account: account('late@example.org') } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    const token = await issueSetupToken();
    await expect(setUpAdministrator({ actor: ANONYMOUS, input: { token, account: { ...account('weak@example.org'), password: '1234567890' } } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { 'account.password': [expect.any(String)] },
    });
    expect(await checkSetupToken({ token: token as string })).toBe('valid');
  });

  it('makes exactly one administrator when the link is opened twice at once', async () => {
    await disableAdmins();
    const token = await issueSetupToken();
    const results = await Promise.allSettled(['race-a@example.org', 'race-b@example.org'].map((email) => setUpAdministrator({ actor: ANONYMOUS, input: { token, account: account(email) } })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await admins()).toHaveLength(1);
  });
});
