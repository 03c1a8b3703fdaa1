import { describe, expect, it } from 'vitest';

import { POST as tokenRoute } from '../../../app/api/collab/token/route';
import { verifyCollabToken } from '../../../lib/collab/token';
import { buildUser } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

describe('POST /api/collab/token', () => {
  it('mints a token for the signed-in user and a guest token for anonymous readers', async () => {
    const user = await buildUser();
    const signedIn = await callRoute(tokenRoute, '/api/collab/token', { cookie: await sessionCookie(user.id), init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' } });
    expect(signedIn.status).toBe(200);
    const ticket = (await signedIn.json()) as { token: string; expiresAt: number; url: string | null };
    expect(verifyCollabToken(ticket.token, process.env.NEXTAUTH_SECRET as string)).toMatchObject({ ok: true, claims: { userId: user.id } });
    expect(ticket.expiresAt).toBeGreaterThan(Date.now());
    expect(signedIn.headers.get('cache-control')).toBe('no-store');

    const anonymous = await callRoute(tokenRoute, '/api/collab/token', { init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' } });
    const guest = (await anonymous.json()) as { token: string };
    expect(verifyCollabToken(guest.token, process.env.NEXTAUTH_SECRET as string)).toMatchObject({ ok: true, claims: { userId: null } });
  });
});
