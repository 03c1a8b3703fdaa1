import http from 'node:http';

import { describe, expect, it } from 'vitest';

import { secureRequest, type SecureRequestOptions } from '../../../lib/server/secure-request';

/** One request through a real HTTP server that applies secureRequest, answering what it saw. */
async function through(options: Partial<SecureRequestOptions>, headers: Record<string, string> = {}): Promise<{ response: Response; seen: http.IncomingHttpHeaders }> {
  let seen: http.IncomingHttpHeaders = {};
  const server = http.createServer((request, response) => {
    if (!secureRequest(request, response, { isDev: false, publicUrl: 'http://127.0.0.1', trustedProxies: 0, maxBodyBytes: 1024, ...options })) return;
    seen = { ...request.headers };
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  try {
    const response = await fetch(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`, { headers });
    await response.text();
    return { response, seen };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('secureRequest', () => {
  it('sends HSTS only when the app is served over https', async () => {
    expect((await through({})).response.headers.get('strict-transport-security')).toBeNull();
    expect((await through({ publicUrl: 'https://library.example' })).response.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    // Behind a trusted proxy that terminated TLS.
    expect((await through({ trustedProxies: 1 }, { 'x-forwarded-proto': 'https' })).response.headers.get('strict-transport-security')).toMatch(/max-age/);
    // A client cannot claim https (or another host) itself when no proxy is trusted.
    const direct = await through({}, { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' });
    expect(direct.response.headers.get('strict-transport-security')).toBeNull();
    expect(direct.seen['x-forwarded-host']).toBeUndefined();
  });

  it('gives Next the policy with the nonce on the request, and a new nonce each time', async () => {
    const one = await through({});
    const two = await through({});
    expect(one.seen['content-security-policy']).toBe(one.response.headers.get('content-security-policy'));
    expect(one.seen['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(one.seen['content-security-policy']).not.toBe(two.seen['content-security-policy']);
    // Development only: hot reload evaluates code.
    expect((await through({ isDev: true })).response.headers.get('content-security-policy')).toContain("'unsafe-eval'");
  });

  it('passes the socket’s address, never the one a client sends', async () => {
    const { seen } = await through({}, { 'x-interlinear-peer-address': '203.0.113.9' });
    expect(seen['x-interlinear-peer-address']).toMatch(/127\.0\.0\.1/);
  });
});
