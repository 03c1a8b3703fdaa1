import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local stand-ins for the machine translation services, speaking their documented APIs over real
 * HTTP (the real services cannot be reached from the test machines). Each records the requests it
 * received and can be switched to misbehave: answer an error status, answer late, stop in the
 * middle of an answer, answer too much, answer a body of another shape, or redirect elsewhere.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export type Misbehaviour =
  | { kind: 'status'; status: number; body?: unknown; retryAfter?: string }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'stall' }
  | { kind: 'oversize'; bytes: number; declared: boolean }
  | { kind: 'shape'; body: unknown }
  | { kind: 'redirect'; location: string };

export interface FakeService {
  url: string;
  requests: RecordedRequest[];
  /** What the next requests get instead of a proper answer (null: behave). */
  misbehave(misbehaviour: Misbehaviour | null): void;
  close(): Promise<void>;
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> };
type Route = (request: RecordedRequest) => Answer;

async function startService(route: Route): Promise<FakeService> {
  const requests: RecordedRequest[] = [];
  let misbehaviour: Misbehaviour | null = null;
  const open = new Set<ServerResponse>();
  const server = createServer((incoming, response) => {
    open.add(response);
    response.on('close', () => open.delete(response));
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // Kept as text: the route answers 400 as the services do.
      }
      const request: RecordedRequest = { method: incoming.method ?? 'GET', path: incoming.url ?? '/', headers: incoming.headers, body };
      requests.push(request);
      void answer(response, request, misbehaviour, route);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    misbehave: (next) => {
      misbehaviour = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of open) response.destroy();
        server.close(() => resolve());
      }),
  };
}

async function answer(response: ServerResponse, request: RecordedRequest, misbehaviour: Misbehaviour | null, route: Route): Promise<void> {
  if (misbehaviour?.kind === 'slow') {
    await new Promise((resolve) => setTimeout(resolve, misbehaviour.delayMs));
    if (response.destroyed) return;
  }
  if (misbehaviour?.kind === 'stall') {
    // Headers at once, then a body that never ends.
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"translatedText": "');
    return;
  }
  if (misbehaviour?.kind === 'redirect') {
    response.writeHead(302, { location: misbehaviour.location }).end();
    return;
  }
  if (misbehaviour?.kind === 'oversize') {
    const piece = JSON.stringify({ translatedText: 'x'.repeat(1000), translations: [] });
    const pieces = Math.ceil(misbehaviour.bytes / piece.length);
    response.writeHead(200, { 'content-type': 'application/json', ...(misbehaviour.declared ? { 'content-length': String(pieces * piece.length) } : {}) });
    for (let index = 0; index < pieces && !response.destroyed; index += 1) response.write(piece);
    response.end();
    return;
  }
  const result: Answer =
    misbehaviour?.kind === 'status'
      ? { status: misbehaviour.status, body: misbehaviour.body ?? {}, headers: misbehaviour.retryAfter ? { 'retry-after': misbehaviour.retryAfter } : {} }
      : misbehaviour?.kind === 'shape'
        ? { status: 200, body: misbehaviour.body }
        : route(request);
  response.writeHead(result.status, { 'content-type': 'application/json', ...result.headers }).end(JSON.stringify(result.body));
}

/** Translations the stand-ins know; any other text comes back marked with the target language. */
export const KNOWN_TRANSLATIONS: Readonly<Record<string, string>> = {
  'Рабочие читали газеты по вечерам.': 'The workers read the newspapers in the evenings.',
  'Никто не говорил.': 'Nobody spoke.',
};

function translate(text: string, target: string): string {
  return KNOWN_TRANSLATIONS[text] ?? `[${target}] ${text}`;
}

/**
 * LibreTranslate (`POST /translate` with `{ q, source, target, format, api_key }` → `{ translatedText }`,
 * `GET /languages` → `[{ code, name, targets }]`, errors `{ error }`), translating between
 * English, Russian and German. With `apiKey`, a request without a key is 400 and one with
 * another key 403, as the server does when it requires keys.
 */
export function startLibreTranslate({ apiKey }: { apiKey?: string } = {}): Promise<FakeService> {
  const languages = [
    { code: 'en', name: 'English', targets: ['de', 'ru'] },
    { code: 'ru', name: 'Russian', targets: ['en'] },
    { code: 'de', name: 'German', targets: ['en'] },
  ];
  return startService((request) => {
    if (request.method === 'GET' && request.path === '/languages') return { status: 200, body: languages };
    if (request.method !== 'POST' || request.path !== '/translate') return { status: 404, body: { error: 'Not Found' } };
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    if (apiKey !== undefined) {
      if (!body.api_key) return { status: 400, body: { error: 'Please contact the server operator to get an API key' } };
      if (body.api_key !== apiKey) return { status: 403, body: { error: 'Invalid API key' } };
    }
    for (const name of ['q', 'source', 'target']) if (!body[name]) return { status: 400, body: { error: `Invalid request: missing ${name} parameter` } };
    const source = languages.find((language) => language.code === body.source);
    if (!source) return { status: 400, body: { error: `${String(body.source)} is not supported` } };
    if (!source.targets.includes(String(body.target))) return { status: 400, body: { error: `${String(body.target)} is not available as a target language from ${source.code}` } };
    if ((body.format ?? 'text') !== 'text') return { status: 400, body: { error: `${String(body.format)} format is not supported` } };
    const q = body.q;
    if (Array.isArray(q)) return { status: 200, body: { translatedText: q.map((text) => translate(String(text), String(body.target))) } };
    return { status: 200, body: { translatedText: translate(String(q), String(body.target)) } };
  });
}

/**
 * DeepL's API v2 (`POST /v2/translate` with `{ text: [...], source_lang, target_lang }` and
 * `Authorization: DeepL-Auth-Key <key>` → `{ translations: [{ detected_source_language, text }] }`,
 * `GET /v2/languages?type=source|target` → `[{ language, name }]`, errors `{ message }`; 403 for
 * a wrong key). Targets include EN-GB and EN-US but not plain EN, as DeepL lists them.
 */
export function startDeepL({ apiKey }: { apiKey: string }): Promise<FakeService> {
  const sources = ['DE', 'EN', 'RU'];
  const targets = ['DE', 'EN-GB', 'EN-US', 'RU'];
  return startService((request) => {
    if (request.headers.authorization !== `DeepL-Auth-Key ${apiKey}`) return { status: 403, body: { message: 'Authorization failure, check auth_key' } };
    const url = new URL(request.path, 'http://localhost');
    if (request.method === 'GET' && url.pathname === '/v2/languages') {
      const list = url.searchParams.get('type') === 'target' ? targets : sources;
      return { status: 200, body: list.map((language) => ({ language, name: language, ...(url.searchParams.get('type') === 'target' ? { supports_formality: false } : {}) })) };
    }
    if (request.method !== 'POST' || url.pathname !== '/v2/translate') return { status: 404, body: { message: 'Not found' } };
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    if (!Array.isArray(body.text) || body.text.length === 0) return { status: 400, body: { message: "Parameter 'text' not specified." } };
    if (typeof body.target_lang !== 'string') return { status: 400, body: { message: "Value for 'target_lang' not supported." } };
    if (!targets.includes(body.target_lang.toUpperCase())) return { status: 400, body: { message: "Value for 'target_lang' not supported." } };
    if (body.source_lang !== undefined && !sources.includes(String(body.source_lang).toUpperCase())) return { status: 400, body: { message: "Value for 'source_lang' not supported." } };
    return { status: 200, body: { translations: body.text.map((text) => ({ detected_source_language: String(body.source_lang ?? 'RU'), text: translate(String(text), body.target_lang as string) })) } };
  });
}
