import type { JWT } from 'next-auth/jwt';
import { decode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { POST as collabTokenRoute } from '../../../app/api/collab/token/route';
import { GET as ownSuggestionsRoute } from '../../../app/api/suggestions/mine/route';
import { authOptions } from '../../../lib/account/auth-options';
import { changePassword } from '../../../lib/account/change-password';
import { setAccountDisabled } from '../../../lib/account/set-account-disabled';
import { loadActor } from '../../../lib/auth/load-actor';
import { verifyCollabToken } from '../../../lib/collab/token';
import { SESSION_IDLE_SECONDS, SESSION_MAX_SECONDS } from '../../../lib/config/limits';
import { getDb } from '../../../lib/db/client';
import { uniqueAddress } from '../../helpers/addresses';
import { connectClient, eventually, startCollabServer, tokenFor, type TestClient } from '../../helpers/collab';
import { useScratchDatabase } from '../../helpers/db';
import { buildCollection, buildUser, buildWork } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

const DAY = 24 * 60 * 60;
const now = () => Math.floor(Date.now() / 1000);

/** The status of a route that needs a signed-in user, called with `cookie`. */
async function statusWith(cookie: string): Promise<number> {
  return (await callRoute(ownSuggestionsRoute, '/api/suggestions/mine', { cookie })).status;
}

/** The user a collaboration token minted with `cookie` opens documents as (null: a guest). */
async function collabUserWith(cookie: string): Promise<string | null> {
  const response = await callRoute(collabTokenRoute, '/api/collab/token', { cookie, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' } });
  const { token } = (await response.json()) as { token: string };
  const verified = verifyCollabToken(token, process.env.NEXTAUTH_SECRET as string);
  return verified.ok ? verified.claims.userId : 'invalid';
}

const tokenOf = async (cookie: string) => (await decode({ token: cookie.split('=')[1] as string, secret: process.env.NEXTAUTH_SECRET as string })) as JWT;
const jwtCallback = (token: JWT) => (authOptions.callbacks?.jwt as (params: { token: JWT }) => Promise<JWT>)({ token });
const signOutEvent = (token: JWT) => (authOptions.events?.signOut as (message: { token: JWT }) => Promise<void>)({ token });

describe('sessions', () => {
  it('begin at sign-in with the account’s session version and time, and last a few days without use', async () => {
    const user = await buildUser();
    const token = await (authOptions.callbacks?.jwt as (params: { token: JWT; user: unknown }) => Promise<JWT>)({ token: { sub: user.id }, user: { id: user.id, sessionVersion: 0 } });
    expect(token).toMatchObject({ sub: user.id, sv: 0 });
    expect(Math.abs((token.authTime ?? 0) - now())).toBeLessThan(5);
    expect(authOptions.session?.maxAge).toBe(SESSION_IDLE_SECONDS);
    expect(SESSION_IDLE_SECONDS).toBeLessThan(SESSION_MAX_SECONDS);
  });

  it('end on sign-out: the same token no longer opens pages, routes, renewals or collaboration', async () => {
    const user = await buildUser();
    const cookie = await sessionCookie(user.id);
    expect(await statusWith(cookie)).toBe(200);
    expect(await collabUserWith(cookie)).toBe(user.id);

    await signOutEvent(await tokenOf(cookie));

    expect(await statusWith(cookie)).toBe(401);
    expect(await collabUserWith(cookie)).toBeNull();
    await expect(jwtCallback(await tokenOf(cookie))).rejects.toThrow();
    // A new sign-in works (and its session is not ended by the old token's sign-out).
    const fresh = await sessionCookie(user.id, { sessionVersion: 1 });
    expect(await statusWith(fresh)).toBe(200);
    await signOutEvent(await tokenOf(cookie));
    expect(await statusWith(fresh)).toBe(200);
  });

  it('end on a password change, which needs the current password and a good new one', async () => {
    const user = await buildUser();
    const cookie = await sessionCookie(user.id);
    const actor = await loadActor({ userId: user.id });
    const clientAddress = uniqueAddress();
    await expect(changePassword({ actor, input: { currentPassword: 'a wrong guess', newPassword: 'a brand new passphrase' }, clientAddress })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(changePassword({ actor, input: { currentPassword: user.password, newPassword: 'iloveyou1234' }, clientAddress })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await statusWith(cookie)).toBe(200);

    await changePassword({ actor, input: { currentPassword: user.password, newPassword: 'a brand new passphrase' }, clientAddress });
    expect(await statusWith(cookie)).toBe(401);
    await expect(jwtCallback(await tokenOf(cookie))).rejects.toThrow();
  });

  it('end when an administrator disables the account', async () => {
    const admin = await buildUser();
    await getDb().user.update({ where: { id: admin.id }, data: { siteRole: 'ADMIN' } });
    const adminActor = await loadActor({ userId: admin.id });
    const user = await buildUser();
    const cookie = await sessionCookie(user.id);
    await expect(setAccountDisabled({ actor: user.actor, input: { email: admin.email, isDisabled: true } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setAccountDisabled({ actor: adminActor, input: { email: admin.email, isDisabled: true } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    await setAccountDisabled({ actor: adminActor, input: { email: user.email, isDisabled: true } });
    expect(await statusWith(cookie)).toBe(401);
    // Enabling the account again does not bring the old session back.
    await setAccountDisabled({ actor: adminActor, input: { email: user.email, isDisabled: false } });
    expect(await statusWith(cookie)).toBe(401);
    expect(await statusWith(await sessionCookie(user.id, { sessionVersion: 1 }))).toBe(200);
  });

  it(`end ${SESSION_MAX_SECONDS / DAY} days after sign-in, however active`, async () => {
    const user = await buildUser();
    expect(await statusWith(await sessionCookie(user.id, { authTime: now() - SESSION_MAX_SECONDS + DAY }))).toBe(200);
    const old = await sessionCookie(user.id, { authTime: now() - SESSION_MAX_SECONDS - 60 });
    expect(await statusWith(old)).toBe(401);
    await expect(jwtCallback(await tokenOf(old))).rejects.toThrow();
  });

  it('are refused when the token lacks a session version or the time it began', async () => {
    const user = await buildUser();
    const { encode } = await import('next-auth/jwt');
    const bare = `next-auth.session-token=${await encode({ token: { sub: user.id }, secret: process.env.NEXTAUTH_SECRET as string })}`;
    expect(await statusWith(bare)).toBe(401);
  });
});

describe('collaboration after a session ends', () => {
  // A database of its own, like the other collaboration-server tests (outboxes of other files).
  useScratchDatabase({ beforeAll, afterAll });
  let server: Awaited<ReturnType<typeof startCollabServer>>;
  let workId: string;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startCollabServer();
    workId = (await buildWork({ collectionId: (await buildCollection()).id })).workId;
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it('closes the open connections of the account and refuses the tokens its ended session minted', async () => {
    const user = await buildUser();
    const client = connectClient({ url: server.url, workId, token: tokenFor(user.id, 0) });
    clients.push(client);
    await client.ready;

    await signOutEvent(await tokenOf(await sessionCookie(user.id)));

    await eventually(() => client.refusals.includes('session-ended'), { what: 'the connection of the ended session to be refused' });
    const later = connectClient({ url: server.url, workId, token: tokenFor(user.id, 0) });
    clients.push(later);
    await expect(later.ready).rejects.toThrow('session-ended');
    const fresh = connectClient({ url: server.url, workId, token: tokenFor(user.id, 1) });
    clients.push(fresh);
    await fresh.ready;
  });
});
