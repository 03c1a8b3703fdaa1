import { describe, expect, it } from 'vitest';

import { signCollabToken, verifyCollabToken } from '../../../lib/collab/token';

const SECRET = 'a-secret-of-at-least-sixteen-chars';
const USER = '0190a5b0-0000-7000-8000-000000000001';

describe('collaboration tokens', () => {
  it('carry the user until they expire', () => {
    const token = signCollabToken({ userId: USER, secret: SECRET, now: 1_000, ttlMs: 60_000 });
    expect(verifyCollabToken(token, SECRET, 2_000)).toEqual({ ok: true, claims: { userId: USER, expiresAt: 61_000 } });
    expect(verifyCollabToken(token, SECRET, 61_000)).toEqual({ ok: false, reason: 'expired-token' });
  });

  it('carry guests as a null user', () => {
    const token = signCollabToken({ userId: null, secret: SECRET });
    expect(verifyCollabToken(token, SECRET)).toMatchObject({ ok: true, claims: { userId: null } });
  });

  it('refuse a forged, altered or foreign token', () => {
    const token = signCollabToken({ userId: USER, secret: SECRET });
    const [version, , signature] = token.split('.');
    const altered = `${version}.${Buffer.from(JSON.stringify({ sub: USER, exp: Date.now() + 1e9 })).toString('base64url')}.${signature}`;
    expect(verifyCollabToken(altered, SECRET)).toEqual({ ok: false, reason: 'invalid-token' });
    expect(verifyCollabToken(token, 'another-secret-of-sixteen-chars')).toEqual({ ok: false, reason: 'invalid-token' });
    expect(verifyCollabToken('garbage', SECRET)).toEqual({ ok: false, reason: 'invalid-token' });
    expect(verifyCollabToken('', SECRET)).toEqual({ ok: false, reason: 'missing-token' });
  });
});
