import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { validate as validateDocument } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { GET as getCollection } from '../../../app/api/v1/collections/[collectionId]/route';
import { GET as listCollections, OPTIONS as collectionsPreflight } from '../../../app/api/v1/collections/route';
import { GET as openApi } from '../../../app/api/v1/openapi.json/route';
import { GET as getSegment } from '../../../app/api/v1/segments/[segmentId]/route';
import { GET as getVolume } from '../../../app/api/v1/volumes/[volumeId]/route';
import { GET as listVolumes } from '../../../app/api/v1/volumes/route';
import { GET as getWork } from '../../../app/api/v1/works/[workId]/route';
import { GET as listSegments } from '../../../app/api/v1/works/[workId]/segments/route';
import { GET as listWorks } from '../../../app/api/v1/works/route';
import { SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { PUBLIC_API_RATE_LIMIT } from '../../../lib/config/limits';
import { getDb } from '../../../lib/db/client';
import { PEER_ADDRESS_HEADER } from '../../../lib/http/peer-address';
import { importAlignedTranslation } from '../../../lib/import/import-aligned-translation';
import { importVolume } from '../../../lib/import/import-volume';
import { buildCollection, buildUser, buildWork } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const APP_API = path.resolve(__dirname, '../../../app/api/v1');
const MISSING = '00000000-0000-7000-8000-000000000000';

const WORK = '# The Title\n\nThe first sentence. The second sentence.\n\nA new paragraph. It ends here.\n';
const TRANSLATION = '# Заглавие\n\nПервое предложение. Второе предложение.\n\nНовый абзац. Здесь он кончается.\n';

type Handler = Parameters<typeof callRoute>[0];
type Json = Record<string, unknown>;

/** Every test speaks from an address of its own, so no two share a rate-limit bucket. */
let nextAddress = 1;
const newAddress = () => `198.51.100.${nextAddress++}`;

describe('the public read API (/api/v1)', () => {
  let document: Json;
  let ajv: Ajv2020;
  let collectionId: string;
  let volumeId: string;
  let workId: string;
  let address: string;

  /** GETs `url` from the test's address and checks the answer against the document. */
  async function get(handler: Handler, url: string, params: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<{ response: Response; body: Json | null }> {
    const response = await callRoute(handler, url, { params, init: { headers: { [PEER_ADDRESS_HEADER]: address, ...headers } } });
    const text = await response.text();
    const body = text === '' ? null : (JSON.parse(text) as Json);
    expectDocumented(url, response.status, body);
    return { response, body };
  }

  /** The answer is one the document describes for this path and status, and matches its schema. */
  function expectDocumented(url: string, status: number, body: Json | null): void {
    const pathname = new URL(url, 'http://localhost').pathname;
    const entry = Object.entries(document.paths as Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> } }>).find(([template]) =>
      new RegExp(`^${template.replace(/\{\w+\}/gu, '[^/]+')}$`, 'u').test(pathname),
    );
    expect(entry, `${pathname} is documented`).toBeDefined();
    const answer = entry?.[1].get.responses[String(status)];
    expect(answer, `${pathname} documents status ${status}`).toBeDefined();
    const schema = answer?.content?.['application/json']?.schema;
    if (schema?.$ref === undefined) return;
    const validator = ajv.getSchema(`openapi.json${schema.$ref}`);
    expect(validator).toBeDefined();
    const valid = validator?.(body);
    expect(valid, `${pathname} ${status}: ${JSON.stringify(validator?.errors)}`).toBe(true);
  }

  beforeAll(async () => {
    address = newAddress();
    const served = await callRoute(openApi, '/api/v1/openapi.json', { init: { headers: { [PEER_ADDRESS_HEADER]: address } } });
    document = (await served.json()) as Json;
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'openapi.json', components: document.components }, 'openapi.json');

    const collection = await buildCollection();
    collectionId = collection.id;
    const bytes = await readFile(path.join(CORPUS, 'stalin-works-vol8-ocr.en.txt'));
    const volume = await importVolume({ actor: SYSTEM_ACTOR, file: { name: 'vol8.txt', bytes }, collection: { id: collectionId }, metadata: { title: 'Works, Volume 8', language: 'en' } });
    volumeId = volume.volumeId;
    workId = (await buildWork({ collectionId, text: WORK, title: 'A Work Outside the Volume', filename: 'work.md' })).workId;
    await importAlignedTranslation({ actor: SYSTEM_ACTOR, workId, file: { name: 'ru.md', bytes: new TextEncoder().encode(TRANSLATION) }, provenance: { language: 'ru', translator: 'A. Translator' } });
  }, 120_000);

  beforeEach(() => {
    address = newAddress();
  });

  describe('its document', () => {
    it('is a valid OpenAPI 3.1 document', async () => {
      expect(document.openapi).toBe('3.1.0');
      const result = await validateDocument(structuredClone(document) as never);
      expect(result.valid, JSON.stringify(result)).toBe(true);
    });

    it('documents every route under /api/v1 and nothing else, and no route there writes', () => {
      const routeFiles = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? routeFiles(path.join(dir, entry.name)) : entry.name === 'route.ts' ? [path.join(dir, entry.name)] : []));
      const files = routeFiles(APP_API);
      const served = files.map((file) => `/api/v1/${path.relative(APP_API, path.dirname(file)).split(path.sep).join('/')}`.replace(/\[(\w+)\]/gu, '{$1}').replace(/\/$/u, '')).sort();
      expect(served).toEqual(Object.keys(document.paths as Json).sort());
      for (const file of files) {
        const methods = [...readFileSync(file, 'utf8').matchAll(/export const (\w+) =/gu)].map((match) => match[1]);
        expect(methods.sort(), file).toEqual(['GET', 'OPTIONS']);
      }
    });
  });

  describe('the library', () => {
    it('lists collections a page at a time, with cursors that neither skip nor repeat', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let found: Json | undefined;
      do {
        const url: string = `/api/v1/collections?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const { response, body } = await get(listCollections, url);
        expect(response.status).toBe(200);
        const items = (body?.items ?? []) as Json[];
        expect(items.length).toBeLessThanOrEqual(2);
        seen.push(...items.map((item) => item.id as string));
        found ??= items.find((item) => item.id === collectionId);
        cursor = body?.nextCursor as string | null;
      } while (cursor !== null);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual([...seen].sort());
      expect(found).toMatchObject({ volumeCount: 1 });
      expect(found?.workCount).toBeGreaterThan(20);
      const one = await get(getCollection, `/api/v1/collections/${collectionId}`, { collectionId });
      expect(one.body).toEqual(found);
    });

    it('gives a volume with its works in printed order, and each work knows its place and neighbours', async () => {
      const { body: volumes } = await get(listVolumes, `/api/v1/volumes?collection=${collectionId}`);
      const [summary] = volumes?.items as Json[];
      expect((volumes?.items as Json[]).length).toBe(1);
      expect(summary).toMatchObject({ id: volumeId, collectionId, title: 'Works, Volume 8' });
      const { body: volume } = await get(getVolume, `/api/v1/volumes/${volumeId}`, { volumeId });
      const parts = volume?.works as { id: string; position: number; part: string; title: string }[];
      expect(summary).toEqual({ ...volume, works: undefined, workCount: parts.length });
      expect(parts.map((part) => part.position)).toEqual(parts.map((_, index) => index));
      expect(parts.some((part) => part.part === 'front_matter')).toBe(true);
      expect(parts.some((part) => part.part === 'work' && /LENINISM/u.test(part.title))).toBe(true);

      // The works of the volume, paged in printed order, agree with the volume's list.
      const works: Json[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/works?volume=${volumeId}&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const { body } = await get(listWorks, url);
        works.push(...(body?.items as Json[]));
        cursor = body?.nextCursor as string | null;
      } while (cursor !== null);
      expect(works.map((work) => work.id)).toEqual(parts.map((part) => part.id));
      works.forEach((work, index) => {
        expect(work.volume).toEqual({
          id: volumeId,
          title: 'Works, Volume 8',
          position: index,
          part: parts[index]?.part,
          previousId: works[index - 1]?.id ?? null,
          nextId: works[index + 1]?.id ?? null,
        });
      });
    });

    it('gives a work with its languages, their provenance and progress', async () => {
      const { response, body } = await get(getWork, `/api/v1/works/${workId}`, { workId });
      expect(response.status).toBe(200);
      expect(body).toMatchObject({ id: workId, collectionId, title: 'A Work Outside the Volume', sourceLanguage: 'en', volume: null });
      const languages = body?.languages as { language: string; isSource: boolean; translator: string; published: number; total: number }[];
      expect(languages.map((language) => [language.language, language.isSource])).toEqual([['en', true], ['ru', false]]);
      expect(languages[1]?.translator).toBe('A. Translator');
      expect(languages.every((language) => language.total === 5 && language.published === 5)).toBe(true);
      const listed = await get(listWorks, `/api/v1/works?collection=${collectionId}&limit=100`);
      expect((listed.body?.items as Json[]).find((work) => work.id === workId)).toEqual(body);
    });

    it('answers 404 for what does not exist and 422 for a bad parameter, in the documented error shape', async () => {
      for (const [handler, url, params] of [
        [getWork, `/api/v1/works/${MISSING}`, { workId: MISSING }],
        [getWork, '/api/v1/works/not-an-id', { workId: 'not-an-id' }],
        [getVolume, `/api/v1/volumes/${MISSING}`, { volumeId: MISSING }],
        [getCollection, `/api/v1/collections/${MISSING}`, { collectionId: MISSING }],
        [getSegment, `/api/v1/segments/${MISSING}`, { segmentId: MISSING }],
        [listSegments, `/api/v1/works/${MISSING}/segments`, { workId: MISSING }],
      ] as const) {
        const { response, body } = await get(handler, url, params);
        expect(response.status, url).toBe(404);
        expect((body?.error as Json).code).toBe('NOT_FOUND');
      }
      const collectionsCursor = Buffer.from(JSON.stringify({ list: 'collections', after: collectionId })).toString('base64url');
      expect((await get(listCollections, `/api/v1/collections?cursor=${collectionsCursor}`)).response.status).toBe(200);
      for (const url of [
        '/api/v1/works?cursor=bm90LWpzb24',
        '/api/v1/works?limit=0',
        '/api/v1/works?limit=1000',
        `/api/v1/works?volume=${volumeId}&cursor=${Buffer.from('{"list":"volume-works","after":"x"}').toString('base64url')}`,
        // A cursor of another list.
        `/api/v1/works?cursor=${collectionsCursor}`,
      ]) {
        const { response, body } = await get(listWorks, url);
        expect(response.status, url).toBe(422);
        expect((body?.error as Json).code).toBe('INVALID_INPUT');
      }
      const both = await get(listSegments, `/api/v1/works/${workId}/segments?page=1&cursor=abc`, { workId });
      expect(both.response.status).toBe(422);
    });
  });

  describe('segments', () => {
    it('pages through a work in reading order with the published texts of its languages', async () => {
      const segments: Json[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/works/${workId}/segments?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const { body } = await get(listSegments, url, { workId });
        segments.push(...(body?.items as Json[]));
        cursor = body?.nextCursor as string | null;
      } while (cursor !== null);
      const orders = segments.map((segment) => segment.order as string);
      expect(orders).toEqual([...orders].sort());
      expect(new Set(segments.map((segment) => segment.id)).size).toBe(segments.length);
      const sentences = segments.filter((segment) => segment.kind === 'sentence') as { texts: Record<string, { text: string }> }[];
      expect(sentences.map((segment) => segment.texts.en?.text)).toEqual(['The first sentence.', 'The second sentence.', 'A new paragraph.', 'It ends here.']);
      expect(sentences.map((segment) => segment.texts.ru?.text)).toEqual(['Первое предложение.', 'Второе предложение.', 'Новый абзац.', 'Здесь он кончается.']);
      const onlyRussian = await get(listSegments, `/api/v1/works/${workId}/segments?langs=ru`, { workId });
      expect((onlyRussian.body?.items as { texts: Json }[]).every((segment) => !('en' in segment.texts))).toBe(true);
    });

    it('starts at a printed page, and a permalink gives the segment in every language of its work', async () => {
      const { body: works } = await get(listWorks, `/api/v1/works?volume=${volumeId}&limit=100`);
      const leninism = (works?.items as Json[]).find((work) => /LENINISM/u.test(work.title as string));
      const leninismId = leninism?.id as string;
      const first = await get(listSegments, `/api/v1/works/${leninismId}/segments?limit=50`, { workId: leninismId });
      const withPage = (first.body?.items as { pages: { label: string }[] }[]).flatMap((segment) => segment.pages).at(-1);
      expect(withPage).toBeDefined();
      const label = withPage?.label ?? '';
      const fromPage = await get(listSegments, `/api/v1/works/${leninismId}/segments?page=${label}&limit=2`, { workId: leninismId });
      const [opening] = fromPage.body?.items as { pages: { label: string }[] }[];
      expect(opening?.pages.map((page) => page.label)).toContain(label);
      const missingPage = await get(listSegments, `/api/v1/works/${leninismId}/segments?page=99999`, { workId: leninismId });
      expect(missingPage.response.status).toBe(404);

      const { body: list } = await get(listSegments, `/api/v1/works/${workId}/segments?langs=en`, { workId });
      const sentence = (list?.items as Json[]).find((segment) => segment.kind === 'sentence') as Json;
      const permalink = await get(getSegment, `/api/v1/segments/${sentence.id as string}`, { segmentId: sentence.id as string });
      expect(permalink.body).toMatchObject({ replacedFrom: null, segment: { id: sentence.id, workId, texts: { en: { text: 'The first sentence.', emphasis: [] }, ru: { text: 'Первое предложение.' } } } });
    });

    it('gives each text its emphasis', async () => {
      const page = '<html><body><h1>Italics</h1><p>Read <em>this word</em> twice.</p></body></html>';
      const italic = (await buildWork({ collectionId, text: page, title: 'Italics', filename: 'italics.html' })).workId;
      const { body } = await get(listSegments, `/api/v1/works/${italic}/segments`, { workId: italic });
      const sentence = (body?.items as { kind: string; texts: { en?: { text: string; emphasis: [number, number][] } } }[]).find((segment) => segment.kind === 'sentence');
      expect(sentence?.texts.en).toMatchObject({ text: 'Read this word twice.', emphasis: [[5, 14]] });
    });
  });

  describe('caching, cross-site reading and rate limits', () => {
    it('answers 304 to a matching If-None-Match until the resource changes', async () => {
      const url = `/api/v1/works/${workId}`;
      const first = await get(getWork, url, { workId });
      const etag = first.response.headers.get('etag') ?? '';
      expect(etag).toMatch(/^"[\w-]+"$/u);
      const again = await get(getWork, url, { workId }, { 'if-none-match': `W/"other", ${etag}` });
      expect(again.response.status).toBe(304);
      expect(again.body).toBeNull();
      expect(again.response.headers.get('etag')).toBe(etag);
      await getDb().work.update({ where: { id: workId }, data: { licence: 'CC BY-SA 4.0' } });
      const changed = await get(getWork, url, { workId }, { 'if-none-match': etag });
      expect(changed.response.status).toBe(200);
      expect(changed.response.headers.get('etag')).not.toBe(etag);
      expect(changed.body?.licence).toBe('CC BY-SA 4.0');
    });

    it('is readable from any site, answers preflights, and is the same for a signed-in reader', async () => {
      const ok = await get(getWork, `/api/v1/works/${workId}`, { workId }, { origin: 'https://elsewhere.example' });
      expect(ok.response.headers.get('access-control-allow-origin')).toBe('*');
      expect(ok.response.headers.get('access-control-expose-headers')).toMatch(/ETag/u);
      const missing = await get(getWork, `/api/v1/works/${MISSING}`, { workId: MISSING }, { origin: 'https://elsewhere.example' });
      expect(missing.response.headers.get('access-control-allow-origin')).toBe('*');
      const preflight = await callRoute(collectionsPreflight, '/api/v1/collections', { init: { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' } } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/If-None-Match/iu);
      expect(preflight.headers.get('access-control-allow-methods')).toMatch(/GET/u);

      const user = await buildUser();
      const signedIn = await get(getWork, `/api/v1/works/${workId}`, { workId }, { cookie: await sessionCookie(user.id) });
      expect(signedIn.response.headers.get('etag')).toBe(ok.response.headers.get('etag'));
    });

    it(`lets one address make ${PUBLIC_API_RATE_LIMIT.points} requests a minute, then answers 429 with Retry-After; other addresses go on`, async () => {
      const url = `/api/v1/collections/${collectionId}`;
      let remaining = Number.POSITIVE_INFINITY;
      for (let request = 0; request < PUBLIC_API_RATE_LIMIT.points; request += 1) {
        const response = await callRoute(getCollection, url, { params: { collectionId }, init: { headers: { [PEER_ADDRESS_HEADER]: address } } });
        expect(response.status).toBe(200);
        const left = Number(response.headers.get('ratelimit-remaining'));
        expect(left).toBeLessThan(remaining);
        remaining = left;
      }
      expect(remaining).toBe(0);
      const refused = await get(getCollection, url, { collectionId });
      expect(refused.response.status).toBe(429);
      expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((refused.body?.error as Json).code).toBe('RATE_LIMITED');
      address = newAddress();
      expect((await get(getCollection, url, { collectionId })).response.status).toBe(200);
    });
  });
});
