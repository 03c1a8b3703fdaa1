import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { GET as health } from '../../../app/api/health/route';
import { POST as importRoute } from '../../../app/api/imports/route';
import { GET as exportRoute } from '../../../app/api/works/[workId]/export/route';
import { GET as segments } from '../../../app/api/works/[workId]/segments/route';
import { MAX_UPLOAD_BYTES } from '../../../lib/config/limits';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

const MISSING = '00000000-0000-7000-8000-000000000000';

async function errorCode(response: Response): Promise<string> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error.code;
}

function importForm(fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type?: string }): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  if (file) form.set('file', new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type ?? 'text/plain' }));
  return form;
}

describe('GET /api/health', () => {
  it('answers', async () => {
    const response = await callRoute(health, '/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe('POST /api/imports', () => {
  it('refuses anonymous callers with 401, volunteers with 403', async () => {
    const collection = await buildCollection();
    const form = () => ({ method: 'POST', body: importForm({ collection: collection.title, title: 'T', language: 'en', text: 'One. Two.' }) });
    const anonymous = await callRoute(importRoute, '/api/imports', { init: form() });
    expect(anonymous.status).toBe(401);
    expect(await errorCode(anonymous)).toBe('UNAUTHENTICATED');
    const volunteer = await buildUser();
    const forbidden = await callRoute(importRoute, '/api/imports', { init: form(), cookie: await sessionCookie(volunteer.id) });
    expect(forbidden.status).toBe(403);
    expect(await errorCode(forbidden)).toBe('FORBIDDEN');
  });

  it('imports a file or pasted text for an editor of the collection, and refuses bad files with the reason', async () => {
    const collection = await buildCollection();
    const user = await buildUser();
    await grantRole(user.id, collection.id, 'EDITOR');
    const cookie = await sessionCookie(user.id);
    const post = (form: FormData, headers: Record<string, string> = {}) => callRoute(importRoute, '/api/imports', { cookie, init: { method: 'POST', body: form, headers } });

    const created = await post(importForm({ collection: collection.title, title: 'Uploaded', language: 'en' }, { name: 'a.md', bytes: new TextEncoder().encode('# Head\n\nOne. Two.') }));
    expect(created.status).toBe(201);
    const summary = (await created.json()) as { workId: string; counts: Record<string, number> };
    expect(summary.counts).toEqual({ heading: 1, paragraph: 1, sentence: 2, footnote: 0 });

    const pasted = await post(importForm({ collection: collection.title, title: 'Pasted', language: 'en', text: 'Only one sentence here.' }));
    expect(pasted.status).toBe(201);

    const binary = await post(importForm({ collection: collection.title, title: 'Bin', language: 'en' }, { name: 'x.txt', bytes: new Uint8Array([0, 1, 2, 3, 0, 0]) }));
    expect(binary.status).toBe(422);
    expect(await errorCode(binary)).toBe('UNSUPPORTED_ENCODING');

    const nothing = await post(importForm({ collection: collection.title, title: 'Nothing', language: 'en' }));
    expect(nothing.status).toBe(422);
    expect(await errorCode(nothing)).toBe('INVALID_INPUT');

    const huge = await post(importForm({ collection: collection.title, title: 'Huge', language: 'en', text: 'x' }), { 'content-length': String(MAX_UPLOAD_BYTES * 2) });
    expect(huge.status).toBe(413);
    expect(await errorCode(huge)).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('POST /api/imports with split', () => {
  it('imports a volume as one work per item of its contents when the user confirmed the split', async () => {
    const collection = await buildCollection();
    const user = await buildUser();
    await grantRole(user.id, collection.id, 'EDITOR');
    const bytes = await readFile(path.resolve(__dirname, '../../../../shared/corpus/stalin-works-vol8-ocr.en.txt'));
    const form = importForm({ collection: collection.title, title: 'Works, Volume 8', language: 'en', split: 'true' }, { name: 'vol8.txt', bytes });
    const response = await callRoute(importRoute, '/api/imports', { cookie: await sessionCookie(user.id), init: { method: 'POST', body: form } });
    expect(response.status).toBe(201);
    const volume = (await response.json()) as { works: { workId: string; kind: string }[] };
    expect(volume.works.filter((work) => work.kind === 'work').length).toBeGreaterThanOrEqual(20);
  });
});

describe('GET /api/works/:id/segments', () => {
  it('serves windows to anyone, 404 for unknown works, 422 for bad queries', async () => {
    const work = await buildWork();
    const ok = await callRoute(segments, `/api/works/${work.workId}/segments?langs=en&limit=3`, { params: { workId: work.workId } });
    expect(ok.status).toBe(200);
    const window = (await ok.json()) as { segments: unknown[]; hasAfter: boolean };
    expect(window.segments).toHaveLength(3);
    expect(window.hasAfter).toBe(true);

    const missing = await callRoute(segments, `/api/works/${MISSING}/segments?langs=en`, { params: { workId: MISSING } });
    expect(missing.status).toBe(404);
    expect(await errorCode(missing)).toBe('NOT_FOUND');

    const bad = await callRoute(segments, `/api/works/${work.workId}/segments?langs=en&after=a&before=b`, { params: { workId: work.workId } });
    expect(bad.status).toBe(422);
    expect(await errorCode(bad)).toBe('INVALID_INPUT');
  });
});

describe('GET /api/works/:id/export', () => {
  it('streams JSONL, the work on the first line and then one segment per line; 404 for unknown works', async () => {
    const work = await buildWork();
    const response = await callRoute(exportRoute, `/api/works/${work.workId}/export`, { params: { workId: work.workId } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('ndjson');
    const [first, ...lines] = (await response.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; id: string; kind?: string });
    expect(first).toMatchObject({ type: 'work', id: work.workId });
    expect(lines.map((line) => [line.type, line.kind])).toEqual(['heading', 'paragraph', 'sentence', 'sentence', 'paragraph', 'sentence', 'sentence'].map((kind) => ['segment', kind]));

    const missing = await callRoute(exportRoute, `/api/works/${MISSING}/export`, { params: { workId: MISSING } });
    expect(missing.status).toBe(404);
  });
});
