import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { AppError } from '../../../lib/errors/app-error';
import { DeepLProvider } from '../../../lib/machine-translation/deepl-provider';
import { LibreTranslateProvider } from '../../../lib/machine-translation/libretranslate-provider';
import type { ProviderLimits } from '../../../lib/machine-translation/provider';
import { serviceEndpoint } from '../../../lib/machine-translation/request-bounds';
import { startDeepL, startLibreTranslate, type FakeService } from '../../helpers/fake-translation-service';

// The real services cannot be reached from here: these stand-ins speak their documented APIs over
// real HTTP on 127.0.0.1 (test/helpers/fake-translation-service.ts).

const LIMITS: ProviderLimits = { timeoutMs: 400, maxResponseBytes: 4 * 1024, maxChars: 5_000, maxTexts: 50 };

/** The AppError a promise rejects with (fails the test when it resolves or throws something else). */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof AppError)) throw new Error(`expected an AppError, got ${String(outcome)}`);
  return outcome;
}

// Failures are logged for the operators; the tests keep the output quiet.
beforeAll(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(() => {
  vi.restoreAllMocks();
});

describe('LibreTranslate provider', () => {
  let service: FakeService;
  let provider: LibreTranslateProvider;
  beforeAll(async () => {
    service = await startLibreTranslate();
    provider = new LibreTranslateProvider({ url: service.url, limits: LIMITS });
  });
  afterEach(() => service.misbehave(null));
  afterAll(() => service.close());

  it('reads the language pairs and maps language tags to the server’s codes', async () => {
    const pairs = await provider.languages();
    expect([...(pairs.get('ru') ?? [])]).toEqual(['en']);
    expect(provider.codesFor('ru', 'en', pairs)).toEqual({ source: 'ru', target: 'en' });
    expect(provider.codesFor('ru', 'en-GB', pairs)).toEqual({ source: 'ru', target: 'en' });
    expect(provider.codesFor('ru', 'de', pairs)).toBeNull();
    expect(provider.codesFor('fr', 'en', pairs)).toBeNull();
  });

  it('posts one text as `q` with source, target and format "text", and several as a list', async () => {
    service.requests.length = 0;
    expect(await provider.translate({ texts: ['Никто не говорил.'], source: 'ru', target: 'en' })).toEqual(['Nobody spoke.']);
    expect(service.requests[0]).toMatchObject({ method: 'POST', path: '/translate', body: { q: 'Никто не говорил.', source: 'ru', target: 'en', format: 'text' } });
    expect(service.requests[0]?.headers['content-type']).toBe('application/json');
    // No key configured: none is sent.
    expect(service.requests[0]?.body).not.toHaveProperty('api_key');

    expect(await provider.translate({ texts: ['Никто не говорил.', 'Тишина.'], source: 'ru', target: 'en' })).toEqual(['Nobody spoke.', '[en] Тишина.']);
    expect(service.requests[1]?.body).toMatchObject({ q: ['Никто не говорил.', 'Тишина.'] });
  });

  it('sends the API key as `api_key`; a missing key is 400 (rejected) and a wrong one 403 (refused)', async () => {
    const guarded = await startLibreTranslate({ apiKey: 'k-123' });
    try {
      const withKey = new LibreTranslateProvider({ url: guarded.url, apiKey: 'k-123', limits: LIMITS });
      expect(await withKey.translate({ texts: ['Никто не говорил.'], source: 'ru', target: 'en' })).toEqual(['Nobody spoke.']);
      expect(guarded.requests.at(-1)?.body).toMatchObject({ api_key: 'k-123' });

      const without = await failure(new LibreTranslateProvider({ url: guarded.url, limits: LIMITS }).translate({ texts: ['a'], source: 'ru', target: 'en' }));
      expect([without.code, without.status, without.details]).toEqual(['MACHINE_TRANSLATION_UNAVAILABLE', 503, { provider: 'LIBRETRANSLATE', reason: 'rejected' }]);
      const wrong = await failure(new LibreTranslateProvider({ url: guarded.url, apiKey: 'other', limits: LIMITS }).translate({ texts: ['a'], source: 'ru', target: 'en' }));
      expect([wrong.code, wrong.details]).toEqual(['MACHINE_TRANSLATION_UNAVAILABLE', { provider: 'LIBRETRANSLATE', reason: 'refused' }]);
      expect(wrong.message).toContain('administrators');
    } finally {
      await guarded.close();
    }
  });

  it('maps 429 to RATE_LIMITED with the server’s Retry-After, and 400 for an unsupported pair to a refusal', async () => {
    service.misbehave({ kind: 'status', status: 429, body: { error: 'Slowdown: 10 per 1 minute' }, retryAfter: '7' });
    const slowDown = await failure(provider.translate({ texts: ['a'], source: 'ru', target: 'en' }));
    expect([slowDown.code, slowDown.status, slowDown.details]).toEqual(['RATE_LIMITED', 429, { retryAfterSeconds: 7, provider: 'LIBRETRANSLATE' }]);

    service.misbehave(null);
    const unsupported = await failure(provider.translate({ texts: ['a'], source: 'ru', target: 'de' }));
    expect(unsupported.details).toEqual({ provider: 'LIBRETRANSLATE', reason: 'rejected' });
  });

  it('treats a failure, an answer of another shape or of the wrong count as unavailable', async () => {
    service.misbehave({ kind: 'status', status: 500, body: { error: 'Cannot translate text' } });
    expect((await failure(provider.translate({ texts: ['a'], source: 'ru', target: 'en' }))).details).toEqual({ provider: 'LIBRETRANSLATE', reason: 'unavailable' });
    service.misbehave({ kind: 'shape', body: { translation: 'a' } });
    expect((await failure(provider.translate({ texts: ['a'], source: 'ru', target: 'en' }))).code).toBe('MACHINE_TRANSLATION_UNAVAILABLE');
    service.misbehave({ kind: 'shape', body: { translatedText: ['one'] } });
    expect((await failure(provider.translate({ texts: ['a', 'b'], source: 'ru', target: 'en' }))).code).toBe('MACHINE_TRANSLATION_UNAVAILABLE');
    service.misbehave({ kind: 'shape', body: { translatedText: 'x'.repeat(20_001) } });
    // Longer than a draft may be: larger than the answer limit too, so a roomier limit shows the length check.
    const roomy = new LibreTranslateProvider({ url: service.url, limits: { ...LIMITS, maxResponseBytes: 64 * 1024 } });
    expect((await failure(roomy.translate({ texts: ['a'], source: 'ru', target: 'en' }))).code).toBe('MACHINE_TRANSLATION_UNAVAILABLE');
  });

  it('gives up on a server that does not answer in time', async () => {
    service.misbehave({ kind: 'slow', delayMs: 3_000 });
    const started = performance.now();
    const slow = await failure(provider.translate({ texts: ['a'], source: 'ru', target: 'en' }));
    expect(slow.details).toEqual({ provider: 'LIBRETRANSLATE', reason: 'unavailable' });
    expect(performance.now() - started).toBeLessThan(2_000);

    // The time limit covers the whole answer, not only its first bytes.
    service.misbehave({ kind: 'stall' });
    const stalledAt = performance.now();
    expect((await failure(provider.translate({ texts: ['a'], source: 'ru', target: 'en' }))).details).toEqual({ provider: 'LIBRETRANSLATE', reason: 'unavailable' });
    expect(performance.now() - stalledAt).toBeLessThan(2_000);
  });

  it('stops reading an answer larger than the limit, declared or streamed', async () => {
    for (const declared of [true, false]) {
      service.misbehave({ kind: 'oversize', bytes: 256 * 1024, declared });
      expect((await failure(provider.translate({ texts: ['a'], source: 'ru', target: 'en' }))).details).toEqual({ provider: 'LIBRETRANSLATE', reason: 'unavailable' });
    }
  });

  it('never follows a redirect away from the configured address', async () => {
    const elsewhere = await startLibreTranslate();
    try {
      service.misbehave({ kind: 'redirect', location: `${elsewhere.url}/translate` });
      expect((await failure(provider.translate({ texts: ['a'], source: 'ru', target: 'en' }))).code).toBe('MACHINE_TRANSLATION_UNAVAILABLE');
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });

  it('refuses too many, too long or empty texts before sending anything', async () => {
    service.requests.length = 0;
    expect((await failure(provider.translate({ texts: ['x'.repeat(5_001)], source: 'ru', target: 'en' }))).code).toBe('INVALID_INPUT');
    expect((await failure(provider.translate({ texts: Array.from({ length: 51 }, () => 'a'), source: 'ru', target: 'en' }))).code).toBe('INVALID_INPUT');
    expect((await failure(provider.translate({ texts: [], source: 'ru', target: 'en' }))).code).toBe('INVALID_INPUT');
    expect((await failure(provider.translate({ texts: ['  '], source: 'ru', target: 'en' }))).code).toBe('INVALID_INPUT');
    expect(service.requests).toHaveLength(0);
  });

  it('reports a server that cannot be reached as unavailable', async () => {
    const gone = await startLibreTranslate();
    await gone.close();
    expect((await failure(new LibreTranslateProvider({ url: gone.url, limits: LIMITS }).languages())).details).toEqual({ provider: 'LIBRETRANSLATE', reason: 'unavailable' });
  });
});

describe('DeepL provider', () => {
  let service: FakeService;
  let provider: DeepLProvider;
  beforeAll(async () => {
    service = await startDeepL({ apiKey: 'key-1:fx' });
    provider = new DeepLProvider({ apiKey: 'key-1:fx', url: service.url, limits: LIMITS });
  });
  afterEach(() => service.misbehave(null));
  afterAll(() => service.close());

  it('picks the Free host for a key ending in ":fx" and the Pro host for others, unless an address is given', () => {
    expect(new DeepLProvider({ apiKey: 'abc:fx' }).baseUrl).toBe('https://api-free.deepl.com');
    expect(new DeepLProvider({ apiKey: 'abc' }).baseUrl).toBe('https://api.deepl.com');
    expect(new DeepLProvider({ apiKey: 'abc:fx', url: 'http://127.0.0.1:9' }).baseUrl).toBe('http://127.0.0.1:9');
  });

  it('maps tags to DeepL codes: British English for plain "en", the variant when the tag names one', async () => {
    const pairs = await provider.languages();
    expect(service.requests.map((request) => request.path).sort()).toEqual(['/v2/languages?type=source', '/v2/languages?type=target']);
    expect(service.requests.every((request) => request.headers.authorization === 'DeepL-Auth-Key key-1:fx')).toBe(true);
    expect(provider.codesFor('ru', 'en', pairs)).toEqual({ source: 'RU', target: 'EN-GB' });
    expect(provider.codesFor('ru', 'en-US', pairs)).toEqual({ source: 'RU', target: 'EN-US' });
    expect(provider.codesFor('en-GB', 'de', pairs)).toEqual({ source: 'EN', target: 'DE' });
    expect(provider.codesFor('ru', 'fr', pairs)).toBeNull();
    expect(provider.codesFor('fr', 'en', pairs)).toBeNull();
  });

  it('posts the texts as `text` with source_lang and target_lang, the key in the Authorization header only', async () => {
    service.requests.length = 0;
    expect(await provider.translate({ texts: ['Рабочие читали газеты по вечерам.', 'Никто не говорил.'], source: 'RU', target: 'EN-GB' })).toEqual(['The workers read the newspapers in the evenings.', 'Nobody spoke.']);
    const [request] = service.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v2/translate', body: { text: ['Рабочие читали газеты по вечерам.', 'Никто не говорил.'], source_lang: 'RU', target_lang: 'EN-GB' } });
    expect(request?.headers.authorization).toBe('DeepL-Auth-Key key-1:fx');
    expect(JSON.stringify(request?.body)).not.toContain('key-1');
  });

  it('maps 403 to a refused key, 456 to a used-up quota, 429 to RATE_LIMITED and 400 to a refusal', async () => {
    const wrongKey = await failure(new DeepLProvider({ apiKey: 'other', url: service.url, limits: LIMITS }).translate({ texts: ['a'], source: 'RU', target: 'EN-GB' }));
    expect([wrongKey.code, wrongKey.details]).toEqual(['MACHINE_TRANSLATION_UNAVAILABLE', { provider: 'DEEPL', reason: 'refused' }]);

    service.misbehave({ kind: 'status', status: 456, body: { message: 'Quota exceeded' } });
    const quota = await failure(provider.translate({ texts: ['a'], source: 'RU', target: 'EN-GB' }));
    expect([quota.code, quota.status, quota.details]).toEqual(['MACHINE_TRANSLATION_UNAVAILABLE', 503, { provider: 'DEEPL', reason: 'quota' }]);
    expect(quota.message).toContain('quota');

    service.misbehave({ kind: 'status', status: 429, body: { message: 'Too many requests' } });
    const tooMany = await failure(provider.translate({ texts: ['a'], source: 'RU', target: 'EN-GB' }));
    expect([tooMany.code, tooMany.details]).toEqual(['RATE_LIMITED', { retryAfterSeconds: 30, provider: 'DEEPL' }]);

    service.misbehave(null);
    const unsupported = await failure(provider.translate({ texts: ['a'], source: 'RU', target: 'FR' }));
    expect(unsupported.details).toEqual({ provider: 'DEEPL', reason: 'rejected' });
  });

  it('treats 5xx, a late answer, an oversize answer and a wrong count as unavailable', async () => {
    const cases = [
      { kind: 'status', status: 503, body: { message: 'Service unavailable' } },
      { kind: 'slow', delayMs: 3_000 },
      { kind: 'oversize', bytes: 256 * 1024, declared: false },
      { kind: 'shape', body: { translations: [] } },
    ] as const;
    for (const misbehaviour of cases) {
      service.misbehave(misbehaviour);
      expect((await failure(provider.translate({ texts: ['a'], source: 'RU', target: 'EN-GB' }))).details, misbehaviour.kind).toEqual({ provider: 'DEEPL', reason: 'unavailable' });
    }
  });
});

describe('service addresses', () => {
  it('keeps the configured path and never leaves the configured host', () => {
    expect(serviceEndpoint('http://mt.internal:5000/lt', 'translate').href).toBe('http://mt.internal:5000/lt/translate');
    expect(serviceEndpoint('http://mt.internal:5000/lt/?x=1#y', '/languages').href).toBe('http://mt.internal:5000/lt/languages');
    expect(serviceEndpoint('https://api-free.deepl.com', 'v2/translate').href).toBe('https://api-free.deepl.com/v2/translate');
    expect(() => serviceEndpoint('http://mt.internal:5000/', '//evil.example/translate')).not.toThrow();
    expect(serviceEndpoint('http://mt.internal:5000/', '//evil.example/translate').host).toBe('mt.internal:5000');
  });
});
