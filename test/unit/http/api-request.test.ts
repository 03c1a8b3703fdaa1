import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';


import { apiRequest, getJson, postForm, postJson } from '../../../components/http/api-request';
import { setRequestErrorTranslator } from '../../../components/http/request-error-messages';
import { UNREACHABLE_MESSAGE } from '../../../lib/errors/field-errors';
import en from '../../../lib/i18n/messages/en.json';
import ru from '../../../lib/i18n/messages/ru.json';

const english = createTranslator({ locale: 'en', messages: en, namespace: 'requestErrors' });
const russian = createTranslator({ locale: 'ru', messages: ru, namespace: 'requestErrors' });

/** What the test server saw of a request, echoed back as JSON. */
interface Echo {
  method: string;
  url: string;
  accept: string | null;
  contentType: string | null;
  body: string;
}

let server: Server;
let base: string;
/** Responses the server holds open until the test ends (abort cases). */
const held = new Set<ServerResponse>();
/** Resolved when the server has received a request to /slow or /slow-body. */
let onSlow: () => void = () => undefined;

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

async function handle(request: IncomingMessage, response: ServerResponse) {
  const body = await readBody(request);
  const path = new URL(request.url ?? '/', 'http://test').pathname;
  const json = (status: number, value: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  switch (path) {
    case '/echo': {
      const echo: Echo = { method: request.method ?? '', url: request.url ?? '', accept: request.headers.accept ?? null, contentType: request.headers['content-type'] ?? null, body: body.toString('utf8') };
      return json(200, echo);
    }
    case '/upload': {
      // Read the multipart body as the app's routes do: with the platform's form parser.
      const form = await new Request('http://test/', { method: 'POST', headers: { 'content-type': request.headers['content-type'] ?? '' }, body }).formData();
      const file = form.get('file');
      return json(201, { contentType: request.headers['content-type'], title: form.get('title'), file: file instanceof File ? { name: file.name, size: file.size, text: await file.text() } : null });
    }
    case '/stale':
      return json(409, { error: { code: 'STALE_BASE', message: 'Someone published another text meanwhile.', details: { currentText: 'b' } } });
    case '/limited':
      return json(429, { error: { code: 'RATE_LIMITED', message: 'Too many reports; try again in 30 seconds.' } });
    case '/too-large':
      return response.writeHead(413, { 'content-type': 'text/plain' }).end('Request Entity Too Large');
    case '/bad-gateway':
      return response.writeHead(502, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    case '/teapot':
      return response.writeHead(418, { 'content-type': 'text/plain' }).end('short and stout');
    case '/foreign-json-error':
      return json(404, { message: 'not the app’s shape' });
    case '/html-ok':
      return response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in to the Wi-Fi</html>');
    case '/no-content':
      return response.writeHead(204).end();
    case '/slow':
      held.add(response);
      return onSlow();
    case '/slow-body':
      // The head and half the body arrive; the rest never does.
      response.writeHead(200, { 'content-type': 'application/json' }).write('{"items": [');
      held.add(response);
      return onSlow();
    case '/cut':
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' }).write('{"items": [');
      return setTimeout(() => response.socket?.destroy(), 20);
    default:
      return json(404, { error: { code: 'NOT_FOUND', message: 'No such route.' } });
  }
}

const slowRequestArrived = () => new Promise<void>((resolve) => (onSlow = resolve));

beforeAll(async () => {
  setRequestErrorTranslator(english);
  server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of held) response.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('apiRequest against a real HTTP server', () => {
  it('GETs JSON with the query appended, asking for JSON and sending no body or content type', async () => {
    const result = await getJson<Echo>(`${base}/echo`, { query: { lang: 'fr', chunk: 3, isDone: false, after: undefined, before: null, q: 'a b&c' } });
    expect(result).toEqual({ ok: true, data: { method: 'GET', url: '/echo?lang=fr&chunk=3&isDone=false&q=a+b%26c', accept: 'application/json', contentType: null, body: '' } });
    const extended = await getJson<Echo>(`${base}/echo?x=1`, { query: { y: '2' } });
    expect(extended.ok && extended.data.url).toBe('/echo?x=1&y=2');
  });

  it('POSTs JSON as application/json (the only type a JSON route accepts), `{}` when there is no body', async () => {
    const sent = await postJson<Echo>(`${base}/echo`, { note: 'fixed', ids: [1, 2] });
    expect(sent).toEqual({ ok: true, data: expect.objectContaining({ method: 'POST', contentType: 'application/json', body: '{"note":"fixed","ids":[1,2]}' }) });
    const empty = await postJson<Echo>(`${base}/echo`);
    expect(empty.ok && [empty.data.contentType, empty.data.body]).toEqual(['application/json', '{}']);
    const patched = await apiRequest<Echo>(`${base}/echo`, { method: 'PATCH', json: { body: 'x' } });
    expect(patched.ok && [patched.data.method, patched.data.contentType, patched.data.body]).toEqual(['PATCH', 'application/json', '{"body":"x"}']);
    const deleted = await apiRequest<Echo>(`${base}/echo`, { method: 'DELETE' });
    expect(deleted.ok && [deleted.data.method, deleted.data.contentType, deleted.data.body]).toEqual(['DELETE', null, '']);
  });

  it('uploads FormData as multipart/form-data with its boundary, file and fields intact', async () => {
    const form = new FormData();
    form.set('title', 'Speech of 1926');
    form.set('file', new File(['Первая строка.\n'], 'speech.txt', { type: 'text/plain' }));
    const result = await postForm<{ contentType: string; title: string; file: { name: string; size: number; text: string } }>(`${base}/upload`, form);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(result.data.title).toBe('Speech of 1926');
    expect(result.data.file).toEqual({ name: 'speech.txt', size: new TextEncoder().encode('Первая строка.\n').byteLength, text: 'Первая строка.\n' });
  });

  it('hands back the server’s error body as it is: code, message, status and details', async () => {
    expect(await postJson(`${base}/stale`, {})).toEqual({ ok: false, error: { code: 'STALE_BASE', message: 'Someone published another text meanwhile.', status: 409, details: { currentText: 'b' } } });
    // No details key at all when the server sent none.
    expect(await getJson(`${base}/limited`)).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: 'Too many reports; try again in 30 seconds.', status: 429 } });
    // The server's own message wins over the caller's fallback for that status.
    expect(await getJson(`${base}/nowhere`, { fallbacks: { 404: 'This comment no longer exists.' } })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No such route.', status: 404 } });
  });

  it('turns an answer without the error body (a body limit’s 413, a proxy’s HTML 502) into a code and a readable message', async () => {
    expect(await postJson(`${base}/too-large`, {})).toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: 'This is larger than the server accepts.', status: 413 } });
    expect(await getJson(`${base}/bad-gateway`)).toEqual({ ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'The server is not answering right now. Please try again in a moment.', status: 502 } });
    expect(await getJson(`${base}/teapot`)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'The server answered 418. Please try again.', status: 418 } });
    // JSON that is not the app's error shape is no error body either; a caller's fallback names what is gone.
    expect(await getJson(`${base}/foreign-json-error`, { fallbacks: { 404: 'This comment no longer exists.' } })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'This comment no longer exists.', status: 404 } });
    // A part of the interface names it in its own words, from the catalogue; the shared wording covers the other statuses.
    expect(await getJson(`${base}/foreign-json-error`, { fallbacks: 'discussion' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'This comment or passage no longer exists.', status: 404 } });
    expect(await getJson(`${base}/bad-gateway`, { fallbacks: 'discussion' })).toEqual({ ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'The server is not answering right now. Please try again in a moment.', status: 502 } });
  });

  it('words the failures without an error body in the interface’s language', async () => {
    setRequestErrorTranslator(russian);
    try {
      expect(await getJson(`${base}/teapot`)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Сервер ответил кодом 418. Попробуйте ещё раз.', status: 418 } });
      expect(await getJson(`${base}/foreign-json-error`, { fallbacks: 'review' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Этого предложения больше нет.', status: 404 } });
      expect(await getJson(`${base}/html-ok`)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Ответ сервера не удалось прочитать. Попробуйте ещё раз.', status: 200 } });
    } finally {
      setRequestErrorTranslator(english);
    }
  });

  it('refuses a success that is not JSON (a captive portal’s page) and accepts an empty 204', async () => {
    expect(await getJson(`${base}/html-ok`)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'The server sent an answer that could not be read. Please try again.', status: 200 } });
    expect(await apiRequest(`${base}/no-content`, { method: 'DELETE' })).toEqual({ ok: true, data: null });
  });

  it('answers NETWORK with the one unreachable-server message when nothing listens, or the connection drops mid-answer', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await postJson(`http://127.0.0.1:${port}/api/anything`, {})).toEqual({ ok: false, error: { code: 'NETWORK', message: UNREACHABLE_MESSAGE, status: null } });
    expect(await getJson(`${base}/cut`)).toEqual({ ok: false, error: { code: 'NETWORK', message: UNREACHABLE_MESSAGE, status: null } });
  });

  it('answers ABORTED when the caller’s signal fires, before the answer or while its body is read', async () => {
    const beforeAnswer = new AbortController();
    const arrived = slowRequestArrived();
    const pending = getJson(`${base}/slow`, { signal: beforeAnswer.signal });
    await arrived;
    beforeAnswer.abort();
    expect(await pending).toEqual({ ok: false, error: { code: 'ABORTED', message: 'The request was cancelled.', status: null } });

    const duringBody = new AbortController();
    const bodyStarted = slowRequestArrived();
    const reading = getJson(`${base}/slow-body`, { signal: duringBody.signal });
    await bodyStarted;
    // Let the head reach the client, so the abort lands while the body is being read.
    await new Promise((resolve) => setTimeout(resolve, 50));
    duringBody.abort();
    expect(await reading).toEqual({ ok: false, error: { code: 'ABORTED', message: 'The request was cancelled.', status: null } });

    const already = new AbortController();
    already.abort();
    expect(await postJson(`${base}/echo`, {}, { signal: already.signal })).toEqual({ ok: false, error: { code: 'ABORTED', message: 'The request was cancelled.', status: null } });
  });
});
