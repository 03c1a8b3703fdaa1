import http from 'node:http';

import { describe, expect, inject, it } from 'vitest';

import { createAccount, signInOverHttp } from '../helpers/http-session';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

const MB = 1024 * 1024;

/**
 * POSTs a chunked body (no Content-Length) of up to `maxBytes`, one 64 KB chunk at a time, until
 * the server answers, and reports the status and how much was sent before the answer came.
 */
function sendChunked(path: string, { contentType, cookie, maxBytes }: { contentType: string; cookie?: string; maxBytes: number }): Promise<{ status: number; body: string; sentBytes: number }> {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = http.request(new URL(path, baseUrl), { method: 'POST', headers: { 'content-type': contentType, 'transfer-encoding': 'chunked', ...(cookie ? { cookie } : {}) } }, (response) => {
      answered = true;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (part: string) => (body += part));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, sentBytes: sent }));
    });
    // The server closes the connection after refusing: writes after that fail, as they should.
    request.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < maxBytes) {
        sent += chunk.byteLength;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

describe('request bodies are bounded while they stream in', () => {
  it('refuses a chunked 300 MB body to the anonymous report route early with 413', async () => {
    const result = await sendChunked('/api/segments/00000000-0000-7000-8000-000000000000/reports', { contentType: 'application/json', maxBytes: 300 * MB });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/limit of 128 KB/) } });
    // Refused near the limit, not after the whole body: what was sent meanwhile sat in socket buffers.
    expect(result.sentBytes).toBeLessThan(32 * MB);
  });

  it('bounds bodies of handlers that are not the app’s own routes (sign-in) as well', async () => {
    const result = await sendChunked('/api/auth/callback/credentials', { contentType: 'application/x-www-form-urlencoded', maxBytes: 300 * MB });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(result.sentBytes).toBeLessThan(64 * MB);
  });

  it('bounds a multipart upload of an administrator on the stream', async () => {
    const admin = await createAccount(databaseUrl, { siteRole: 'ADMIN' });
    const cookie = await signInOverHttp(baseUrl, admin);
    const result = await sendChunked('/api/imports', { contentType: 'multipart/form-data; boundary=x', cookie, maxBytes: 300 * MB });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/10\.3 MB|10\.2 MB|10 MB/) } });
    expect(result.sentBytes).toBeLessThan(64 * MB);
  });

  it('still serves others while refusing, and the app answers normally afterwards', async () => {
    const flood = sendChunked('/api/segments/00000000-0000-7000-8000-000000000000/reports', { contentType: 'application/json', maxBytes: 300 * MB });
    const health = await fetch(`${baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect((await flood).status).toBe(413);
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
  });
});
