import { createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { signCollabToken, verifyCollabToken } from '../../../lib/collab/token';

const SECRET = 'a-secret-of-at-least-sixteen-chars';
const USER = '0190a5b0-0000-7000-8000-000000000001';

describe('collaboration tokens', () => {
  it('carry the user until they expire', () => {
    const token = signCollabToken({ userId: USER, sessionVersion: 3, secret: SECRET, now: 1_000, ttlMs: 60_000 });
    expect(verifyCollabToken(token, SECRET, 2_000)).toEqual({ ok: true, claims: { userId: USER, sessionVersion: 3, expiresAt: 61_000 } });
    expect(verifyCollabToken(token, SECRET, 61_000)).toEqual({ ok: false, reason: 'expired-token' });
  });

  it('carry guests as a null user', () => {
    const token = signCollabToken({ userId: null, sessionVersion: null, secret: SECRET });
    expect(verifyCollabToken(token, SECRET)).toMatchObject({ ok: true, claims: { userId: null, sessionVersion: null } });
  });

  it('refuse a user token without the session version it was minted in', () => {
    const payload = Buffer.from(JSON.stringify({ sub: USER, exp: Date.now() + 60_000 })).toString('base64url');
    const signature = createHmac('sha256', `collab:${SECRET}`).update(payload).digest('base64url');
    expect(verifyCollabToken(`c1.${payload}.${signature}`, SECRET)).toEqual({ ok: false, reason: 'invalid-token' });
  });

  it('refuse a forged, altered or foreign token', () => {
    const token = signCollabToken({ userId: USER, sessionVersion: 0, secret: SECRET });
    const [version, , signature] = token.split('.');
    const altered = `${version}.${Buffer.from(JSON.stringify({ sub: USER, exp: Date.now() + 1e9 })).toString('base64url')}.${signature}`;
    expect(verifyCollabToken(altered, SECRET)).toEqual({ ok: false, reason: 'invalid-token' });
    expect(verifyCollabToken(token, 'another-secret-of-sixteen-chars')).toEqual({ ok: false, reason: 'invalid-token' });
    expect(verifyCollabToken('garbage', SECRET)).toEqual({ ok: false, reason: 'invalid-token' });
    expect(verifyCollabToken('', SECRET)).toEqual({ ok: false, reason: 'missing-token' });
  });
});
