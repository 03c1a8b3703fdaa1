import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { POST as importRoute } from '../../../app/api/imports/route';
import { POST as reportRoute } from '../../../app/api/segments/[segmentId]/reports/route';
import { POST as suggestRoute } from '../../../app/api/suggestions/route';
import { GET as segmentsRoute } from '../../../app/api/works/[workId]/segments/route';
import { DEFAULT_MAX_BODY_BYTES } from '../../../lib/config/limits';
import { disconnectDb } from '../../../lib/db/client';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';
import { startPausableProxy, type PausableProxy } from '../../helpers/pausable-proxy';
import { callRoute, sessionCookie } from '../../helpers/requests';

const MISSING = '00000000-0000-7000-8000-000000000000';

/** A body of `totalBytes` that is produced only as it is read, recording how much was pulled. */
function lazyBody(totalBytes: number, chunkBytes = 64 * 1024): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const chunk = new Uint8Array(chunkBytes).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalBytes) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return body.error;
}

describe('request bodies are bounded while they are read', () => {
  it('refuses a chunked body past the route limit after reading only up to the limit', async () => {
    const body = lazyBody(300 * 1024 * 1024);
    const response = await callRoute(reportRoute, `/api/segments/${MISSING}/reports`, {
      params: { segmentId: MISSING },
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: body.stream, duplex: 'half' } as RequestInit,
    });
    expect(response.status).toBe(413);
    const error = await errorOf(response);
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toMatch(/limit of 128 KB/);
    // The stream was cancelled at the limit: far less than the 300 MB were ever produced.
    expect(body.pulled()).toBeLessThanOrEqual(128 * 1024 + 2 * 64 * 1024);
  });

  it('gives every route a default limit', async () => {
    const user = await buildUser();
    const body = lazyBody(50 * 1024 * 1024);
    const response = await callRoute(suggestRoute, '/api/suggestions', {
      cookie: await sessionCookie(user.id),
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: body.stream, duplex: 'half' } as RequestInit,
    });
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(DEFAULT_MAX_BODY_BYTES + 2 * 64 * 1024);
  });

  it('bounds multipart uploads on the stream too, and refuses a body announced too large before reading it', async () => {
    const collection = await buildCollection();
    const admin = await buildUser();
    await grantRole(admin.id, collection.id, 'ADMIN');
    const cookie = await sessionCookie(admin.id);
    const chunked = lazyBody(40 * 1024 * 1024);
    const streamed = await callRoute(importRoute, '/api/imports', {
      cookie,
      init: { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: chunked.stream, duplex: 'half' } as RequestInit,
    });
    expect(streamed.status).toBe(413);
    expect(chunked.pulled()).toBeLessThan(12 * 1024 * 1024);

    const announced = lazyBody(1024);
    const response = await callRoute(importRoute, '/api/imports', {
      cookie,
      init: { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(200 * 1024 * 1024) }, body: announced.stream, duplex: 'half' } as RequestInit,
    });
    expect(response.status).toBe(413);
    // Nothing past what the stream queues by itself before anyone reads was taken.
    expect(announced.pulled()).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('cross-site requests are refused', () => {
  it('refuses a state-changing request from another origin or site, with the cookie or without', async () => {
    const user = await buildUser();
    const cookie = await sessionCookie(user.id);
    const post = (headers: Record<string, string>) =>
      callRoute(suggestRoute, 'http://localhost/api/suggestions', { cookie, init: { method: 'POST', headers: { 'content-type': 'application/json', host: 'localhost', ...headers }, body: '{}' } });
    const foreign: Record<string, string>[] = [{ origin: 'http://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'same-site' }, { 'sec-fetch-site': 'cross-site', origin: 'http://localhost' }, { origin: 'http://localhost.evil.example' }];
    for (const headers of foreign) {
      const response = await post(headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect((await errorOf(response)).message).toMatch(/another site/);
    }
    // The app's own pages pass the same checks (the body is then refused for what it is).
    const own = await post({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(422);
  });

  it('takes only the declared content type, so a plain HTML form cannot post', async () => {
    const user = await buildUser();
    const cookie = await sessionCookie(user.id);
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', 'segmentId=x&language=en&text=y'],
      ['text/plain', '{"segmentId":"x"}'],
      ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="text"\r\n\r\ny\r\n--b--\r\n'],
    ]) {
      const response = await callRoute(suggestRoute, '/api/suggestions', { cookie, init: { method: 'POST', headers: { 'content-type': type as string }, body } });
      expect(response.status, type).toBe(415);
      expect((await errorOf(response)).message).toBe('Send this request as application/json.');
    }
    const noType = await callRoute(suggestRoute, '/api/suggestions', { cookie, init: { method: 'POST' } });
    expect(noType.status).toBe(415);
  });
});

describe('the database cannot hang requests', () => {
  let proxy: PausableProxy;
  let originalUrl: string | undefined;

  beforeAll(async () => {
    originalUrl = process.env.DATABASE_URL;
    const target = new URL(originalUrl as string);
    proxy = await startPausableProxy({ targetHost: target.hostname, targetPort: Number(target.port || 5432) });
  });

  afterAll(async () => {
    await disconnectDb();
    process.env.DATABASE_URL = originalUrl;
    await proxy.close();
  });

  it('answers 503 with Retry-After while the database does not answer, and serves again once it does', async () => {
    const work = await buildWork({ text: 'One sentence. Another one.' });
    await disconnectDb();
    process.env.DATABASE_URL = proxy.urlFor(originalUrl as string);
    const read = () => callRoute(segmentsRoute, `/api/works/${work.workId}/segments?langs=en`, { params: { workId: work.workId } });
    expect((await read()).status).toBe(200);

    proxy.pause();
    const paused = await read();
    expect(paused.status).toBe(503);
    expect(paused.headers.get('retry-after')).toBe('5');
    const error = await errorOf(paused);
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.message).toMatch(/database is not answering/);

    proxy.resume();
    expect((await read()).status).toBe(200);
  });
});
