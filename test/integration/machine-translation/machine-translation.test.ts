import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';

import { GET as queueRoute } from '../../../app/api/review/queue/route';
import { GET as historyRoute } from '../../../app/api/segments/[segmentId]/history/route';
import { POST as approveRoute } from '../../../app/api/suggestions/[suggestionId]/approve/route';
import { POST as suggestRoute } from '../../../app/api/suggestions/route';
import { POST as machineRoute } from '../../../app/api/works/[workId]/machine-translation/route';
import { ANONYMOUS, SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { collabDocumentName } from '../../../lib/collab/document-name';
import { getSegmentEntry, replaceText, seedEntryUpdate } from '../../../lib/collab/segment-doc';
import { getDb } from '../../../lib/db/client';
import { getEditorPage } from '../../../lib/editor/get-editor-page';
import { importWork } from '../../../lib/import/import-work';
import { forgetLanguagePairs } from '../../../lib/machine-translation/configured-provider';
import { translateSegment } from '../../../lib/machine-translation/translate-segment';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { approveSuggestion } from '../../../lib/review/decide-suggestion';
import { getRevisionHistory, revertToRevision } from '../../../lib/review/revision-history';
import { submitDoneDrafts } from '../../../lib/review/submit-drafts';
import { writeRevision } from '../../../lib/revision/write-revision';
import { buildCollection, buildUser, grantRole } from '../../helpers/factories';
import { startDeepL, startLibreTranslate, type FakeService } from '../../helpers/fake-translation-service';
import { callRoute, sessionCookie } from '../../helpers/requests';

// The real services cannot be reached from here: the app is pointed, through its environment
// variables, at local servers that speak LibreTranslate's and DeepL's documented APIs.

const MT_VARIABLES = ['MT_PROVIDER', 'LIBRETRANSLATE_URL', 'LIBRETRANSLATE_API_KEY', 'DEEPL_API_KEY', 'DEEPL_API_URL'] as const;

function configure(variables: Partial<Record<(typeof MT_VARIABLES)[number], string>>): void {
  for (const name of MT_VARIABLES) delete process.env[name];
  Object.assign(process.env, variables);
  forgetLanguagePairs();
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const ORIGINAL = '# Вечера\n\nРабочие читали газеты по вечерам. Никто не говорил. Крестьяне слушали молча. Была ночь.\n';

/** A Russian work opened for English, and its sentences in reading order with their source text. */
async function buildRussianWork(collectionId: string, text = ORIGINAL): Promise<{ workId: string; sentences: { id: string; text: string }[] }> {
  const { workId } = await importWork({ actor: SYSTEM_ACTOR, file: { name: 'evenings.md', bytes: new TextEncoder().encode(text) }, collection: { id: collectionId }, metadata: { title: 'Вечера', language: 'ru' } });
  await getDb().workLanguage.create({ data: { workId, language: 'en' } });
  const rows = await getDb().segment.findMany({ where: { workId, kind: 'SENTENCE' }, orderBy: { orderKey: 'asc' }, select: { id: true, texts: { where: { language: 'ru' }, select: { publishedRevision: { select: { text: true } } } } } });
  return { workId, sentences: rows.map((row) => ({ id: row.id, text: row.texts[0]?.publishedRevision?.text ?? '' })) };
}

const translationRequests = (service: FakeService) => service.requests.filter((request) => request.method === 'POST');

beforeAll(() => {
  // The services' failures are logged for the operators; the tests keep the output quiet.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(() => {
  configure({});
  vi.restoreAllMocks();
});

describe('machine translation switched off (no MT_PROVIDER)', () => {
  it('is neither offered in the editor nor answered by the route', async () => {
    configure({});
    const collectionId = (await buildCollection()).id;
    const { workId, sentences } = await buildRussianWork(collectionId);
    const volunteer = await buildUser();
    expect((await getEditorPage({ actor: volunteer.actor, workId, language: 'en' })).machineTranslation).toBeNull();
    const response = await callRoute(machineRoute, `/api/works/${workId}/machine-translation`, { cookie: await sessionCookie(volunteer.id), params: { workId }, init: json({ segment: sentences[0]?.id, lang: 'en' }) });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: 'Machine translation is not set up on this site.' } });
  });
});

describe('machine translation through a LibreTranslate server', () => {
  let service: FakeService;
  let collectionId: string;
  let workId: string;
  let sentences: { id: string; text: string }[];
  let volunteer: { id: string; actor: Actor };
  let editor: { id: string; actor: Actor };

  beforeAll(async () => {
    service = await startLibreTranslate({ apiKey: 'site-key' });
    collectionId = (await buildCollection()).id;
    ({ workId, sentences } = await buildRussianWork(collectionId));
    volunteer = await buildUser({ name: 'Vera Volunteer' });
    const editorUser = await buildUser({ name: 'Edith Editor' });
    editor = { id: editorUser.id, actor: await grantRole(editorUser.id, collectionId, 'EDITOR') };
  });
  afterEach(() => service.misbehave(null));
  afterAll(() => service.close());
  const turnOn = () => configure({ MT_PROVIDER: 'libretranslate', LIBRETRANSLATE_URL: service.url, LIBRETRANSLATE_API_KEY: 'site-key' });
  const segment = (index: number) => sentences[index]?.id ?? expect.unreachable('no sentence');

  it('is offered in the editor of a translation to those who may edit, and not for the source', async () => {
    turnOn();
    expect((await getEditorPage({ actor: volunteer.actor, workId, language: 'en' })).machineTranslation).toEqual({ provider: 'LIBRETRANSLATE', name: 'LibreTranslate' });
    expect((await getEditorPage({ actor: volunteer.actor, workId, language: 'ru' })).machineTranslation).toBeNull();
    expect((await getEditorPage({ actor: ANONYMOUS, workId, language: 'en' })).machineTranslation).toBeNull();
  });

  it('refuses guests, other sites, segments of other works, the source language and languages the work lacks', async () => {
    turnOn();
    const url = `/api/works/${workId}/machine-translation`;
    const cookie = await sessionCookie(volunteer.id);
    const call = (body: unknown, options: { cookie?: string; headers?: Record<string, string> } = {}) => callRoute(machineRoute, url, { cookie: options.cookie, params: { workId }, init: json(body, options.headers) });
    expect((await call({ segment: segment(0), lang: 'en' })).status).toBe(401);
    expect((await call({ segment: segment(0), lang: 'en' }, { cookie, headers: { origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    const other = await buildRussianWork(collectionId);
    expect((await call({ segment: other.sentences[0]?.id, lang: 'en' }, { cookie })).status).toBe(404);
    expect((await call({ segment: segment(0), lang: 'ru' }, { cookie })).status).toBe(422);
    expect((await call({ segment: segment(0), lang: 'fr' }, { cookie })).status).toBe(404);
    expect((await call({ segment: 'not-an-id', lang: 'en' }, { cookie })).status).toBe(422);
    expect(translationRequests(service)).toHaveLength(0);
  });

  it('translates a segment’s published source once, then answers from the record until the source changes', async () => {
    turnOn();
    service.requests.length = 0;
    const cookie = await sessionCookie(volunteer.id);
    const response = await callRoute(machineRoute, `/api/works/${workId}/machine-translation`, { cookie, params: { workId }, init: json({ segment: segment(0), lang: 'en' }) });
    expect(response.status).toBe(200);
    const first = (await response.json()) as { id: string; provider: string; text: string; sourceRevisionId: string };
    expect(first).toMatchObject({ provider: 'LIBRETRANSLATE', text: 'The workers read the newspapers in the evenings.' });
    expect(translationRequests(service).map((request) => request.body)).toEqual([{ q: 'Рабочие читали газеты по вечерам.', source: 'ru', target: 'en', format: 'text', api_key: 'site-key' }]);

    const again = await translateSegment({ actor: editor.actor, input: { workId, segment: segment(0), lang: 'en' } });
    expect(again).toEqual(first);
    expect(translationRequests(service)).toHaveLength(1);

    // The original is corrected: its new text is translated anew.
    const { publishedRevisionId } = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId: segment(0), language: 'ru' } }, select: { publishedRevisionId: true } });
    await getDb().$transaction((tx) => writeRevision({ tx, segmentId: segment(0), language: 'ru', text: 'Рабочие читали газеты.', origin: 'EDIT', authorId: null, expectedRevisionId: publishedRevisionId }));
    const fresh = await translateSegment({ actor: volunteer.actor, input: { workId, segment: segment(0), lang: 'en' } });
    expect(fresh).toMatchObject({ text: '[en] Рабочие читали газеты.' });
    expect(fresh.id).not.toBe(first.id);
    expect(translationRequests(service)).toHaveLength(2);
  });

  it('answers a failing service with a clear error and changes nothing', async () => {
    turnOn();
    const cookie = await sessionCookie(volunteer.id);
    service.misbehave({ kind: 'status', status: 429, body: { error: 'Slowdown: 1 per 1 second' }, retryAfter: '12' });
    const slowDown = await callRoute(machineRoute, `/api/works/${workId}/machine-translation`, { cookie, params: { workId }, init: json({ segment: segment(3), lang: 'en' }) });
    expect(slowDown.status).toBe(429);
    expect(slowDown.headers.get('retry-after')).toBe('12');
    service.misbehave({ kind: 'status', status: 403, body: { error: 'Invalid API key' } });
    const refused = await callRoute(machineRoute, `/api/works/${workId}/machine-translation`, { cookie, params: { workId }, init: json({ segment: segment(3), lang: 'en' }) });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: 'MACHINE_TRANSLATION_UNAVAILABLE', details: { provider: 'LIBRETRANSLATE', reason: 'refused' } } });
    expect(await getDb().machineTranslation.count({ where: { segmentId: segment(3) } })).toBe(0);
  });

  it('labels a submitted machine translation on the suggestion, the queue, the revision and the history; edited when its words changed', async () => {
    turnOn();
    const machine = await translateSegment({ actor: volunteer.actor, input: { workId, segment: segment(1), lang: 'en' } });
    expect(machine.text).toBe('Nobody spoke.');
    const suggested = await callRoute(suggestRoute, '/api/suggestions', { cookie: await sessionCookie(volunteer.id), init: json({ segmentId: segment(1), language: 'en', text: machine.text, baseRevisionId: null, machineTranslationId: machine.id }) });
    expect(suggested.status).toBe(201);
    const { suggestionId } = (await suggested.json()) as { suggestionId: string };
    expect(await getDb().suggestion.findUniqueOrThrow({ where: { id: suggestionId }, select: { machineProvider: true, isMachineEdited: true } })).toEqual({ machineProvider: 'LIBRETRANSLATE', isMachineEdited: false });

    const queue = (await (await callRoute(queueRoute, `/api/review/queue?segmentId=${segment(1)}`, { cookie: await sessionCookie(editor.id) })).json()) as { items: { suggestionId: string; machine: unknown }[] };
    expect(queue.items).toEqual([expect.objectContaining({ suggestionId, machine: { provider: 'LIBRETRANSLATE', isEdited: false } })]);

    const approved = await callRoute(approveRoute, `/api/suggestions/${suggestionId}/approve`, { cookie: await sessionCookie(editor.id), params: { suggestionId }, init: json({}) });
    expect(approved.status).toBe(200);
    const history = (await (await callRoute(historyRoute, `/api/segments/${segment(1)}/history?lang=en`, { params: { segmentId: segment(1) } })).json()) as { revisions: { origin: string; text: string; machine: unknown }[] };
    expect(history.revisions).toEqual([expect.objectContaining({ origin: 'APPROVAL', text: 'Nobody spoke.', machine: { provider: 'LIBRETRANSLATE', isEdited: false } })]);

    // The translator changes the machine's words before submitting them: "edited".
    const next = await translateSegment({ actor: volunteer.actor, input: { workId, segment: segment(2), lang: 'en' } });
    const edited = await createSuggestion({ actor: volunteer.actor, input: { segmentId: segment(2), language: 'en', text: 'The peasants listened without a word.', baseRevisionId: null, machineTranslationId: next.id } });
    expect(await getDb().suggestion.findUniqueOrThrow({ where: { id: edited.suggestionId }, select: { machineProvider: true, isMachineEdited: true } })).toEqual({ machineProvider: 'LIBRETRANSLATE', isMachineEdited: true });
    const { revisionId } = await approveSuggestion({ actor: editor.actor, input: { suggestionId: edited.suggestionId } });
    expect(await getDb().revision.findUniqueOrThrow({ where: { id: revisionId ?? '' }, select: { machineProvider: true, isMachineEdited: true } })).toEqual({ machineProvider: 'LIBRETRANSLATE', isMachineEdited: true });
    expect((await getRevisionHistory({ actor: ANONYMOUS, segmentId: segment(2), language: 'en' }))[0]?.machine).toEqual({ provider: 'LIBRETRANSLATE', isEdited: true });
  });

  it('labels machine words however they are submitted, and only machine words', async () => {
    turnOn();
    const other = await buildRussianWork(collectionId);
    const [first, second, third] = other.sentences.map((sentence) => sentence.id) as [string, string, string];
    const machine = await translateSegment({ actor: volunteer.actor, input: { workId: other.workId, segment: first, lang: 'en' } });
    const labelOf = async (input: { segmentId: string; text: string; machineTranslationId?: string | null }, actor = volunteer.actor) => {
      const { suggestionId } = await createSuggestion({ actor, input: { language: 'en', baseRevisionId: null, ...input } });
      return getDb().suggestion.findUniqueOrThrow({ where: { id: suggestionId }, select: { machineProvider: true, isMachineEdited: true } });
    };
    // Without the draft's mark, the machine's words (white space aside) are still machine translation.
    expect(await labelOf({ segmentId: first, text: ` ${machine.text.replace(' ', '  ')}\n` })).toEqual({ machineProvider: 'LIBRETRANSLATE', isMachineEdited: false });
    // Human words are not, with no mark, or with the mark of another segment's machine translation.
    const someone = await buildUser();
    expect(await labelOf({ segmentId: first, text: 'The workers read the papers every evening.' }, someone.actor)).toEqual({ machineProvider: null, isMachineEdited: false });
    expect(await labelOf({ segmentId: second, text: 'Nobody said anything.', machineTranslationId: machine.id })).toEqual({ machineProvider: null, isMachineEdited: false });
    expect(await labelOf({ segmentId: third, text: 'Peasants.', machineTranslationId: '0190a5b0-0000-7000-8000-000000000000' })).toEqual({ machineProvider: null, isMachineEdited: false });

    // An editor publishing machine words at once: the revision is labelled.
    const published = await createSuggestion({ actor: editor.actor, input: { segmentId: first, language: 'en', text: machine.text, baseRevisionId: null, publish: true } });
    expect(await getDb().revision.findUniqueOrThrow({ where: { id: published.revisionId ?? '' }, select: { origin: true, machineProvider: true, isMachineEdited: true } })).toEqual({ origin: 'EDIT', machineProvider: 'LIBRETRANSLATE', isMachineEdited: false });

    // A reviewer who changes machine words while approving them publishes "machine translation, edited".
    const changed = await createSuggestion({ actor: volunteer.actor, input: { segmentId: first, language: 'en', text: 'The workers read newspapers in the evenings.', baseRevisionId: published.revisionId, machineTranslationId: machine.id } });
    const approval = await approveSuggestion({ actor: editor.actor, input: { suggestionId: changed.suggestionId, text: 'The workers read the papers in the evenings.' } });
    expect(await getDb().revision.findUniqueOrThrow({ where: { id: approval.revisionId ?? '' }, select: { machineProvider: true, isMachineEdited: true } })).toEqual({ machineProvider: 'LIBRETRANSLATE', isMachineEdited: true });

    // Publishing the machine's version again brings its label back with it.
    const reverted = await revertToRevision({ actor: editor.actor, input: { segmentId: first, language: 'en', revisionId: published.revisionId ?? '', expectedRevisionId: approval.revisionId } });
    expect(await getDb().revision.findUniqueOrThrow({ where: { id: reverted.revisionId }, select: { origin: true, machineProvider: true, isMachineEdited: true } })).toEqual({ origin: 'REVERT', machineProvider: 'LIBRETRANSLATE', isMachineEdited: false });
    const labels = (await getRevisionHistory({ actor: ANONYMOUS, segmentId: first, language: 'en' })).map((entry) => [entry.origin, entry.machine]);
    expect(labels).toEqual([
      ['REVERT', { provider: 'LIBRETRANSLATE', isEdited: false }],
      ['APPROVAL', { provider: 'LIBRETRANSLATE', isEdited: true }],
      ['EDIT', { provider: 'LIBRETRANSLATE', isEdited: false }],
    ]);
  });

  it('labels drafts submitted together from the stored documents by the mark each carries', async () => {
    turnOn();
    const other = await buildRussianWork(collectionId);
    const [first, second] = other.sentences.map((sentence) => sentence.id) as [string, string];
    const machine = await translateSegment({ actor: volunteer.actor, input: { workId: other.workId, segment: first, lang: 'en' } });
    const segmentIds = (await getDb().segment.findMany({ where: { workId: other.workId, kind: { not: 'PARAGRAPH' } }, select: { id: true } })).map((row) => row.id);
    const doc = new Y.Doc();
    for (const id of segmentIds) Y.applyUpdate(doc, seedEntryUpdate(id, null, ''));
    const fill = (segmentId: string, text: string, mark: unknown) => {
      const entry = getSegmentEntry(doc, segmentId) ?? expect.unreachable('no entry');
      replaceText(entry.get('text') as Y.Text, text);
      entry.set('machine', mark);
      entry.set('done', true);
    };
    fill(first, 'The workers read their newspapers in the evenings.', { id: machine.id, provider: 'LIBRETRANSLATE', text: machine.text });
    fill(second, 'Not a word was said.', null);
    await getDb().collabDocument.create({ data: { name: collabDocumentName({ workId: other.workId, language: 'en', chunk: 0 }), workId: other.workId, language: 'en', chunk: 0, state: new Uint8Array(Y.encodeStateAsUpdate(doc)) } });
    expect(await submitDoneDrafts({ actor: volunteer.actor, workId: other.workId, language: 'en' })).toMatchObject({ submitted: 2, failed: [] });
    const labels = await getDb().suggestion.findMany({ where: { workId: other.workId }, orderBy: { segmentId: 'asc' }, select: { segmentId: true, machineProvider: true, isMachineEdited: true } });
    expect(labels).toEqual(
      expect.arrayContaining([
        { segmentId: first, machineProvider: 'LIBRETRANSLATE', isMachineEdited: true },
        { segmentId: second, machineProvider: null, isMachineEdited: false },
      ]),
    );
  });

  it('counts each request that reaches the service against the account, and never a kept answer', async () => {
    turnOn();
    const many = await buildRussianWork(collectionId, `# Много\n\n${Array.from({ length: 61 }, (_, index) => `Предложение номер ${index + 1}.`).join(' ')}\n`);
    expect(many.sentences).toHaveLength(61);
    const user = await buildUser();
    for (const sentence of many.sentences.slice(0, 60)) await translateSegment({ actor: user.actor, input: { workId: many.workId, segment: sentence.id, lang: 'en' } });
    const last = many.sentences[60]?.id ?? '';
    const refused = await translateSegment({ actor: user.actor, input: { workId: many.workId, segment: last, lang: 'en' } }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
    // Answers already kept cost the service nothing: still given.
    expect(await translateSegment({ actor: user.actor, input: { workId: many.workId, segment: many.sentences[0]?.id ?? '', lang: 'en' } })).toMatchObject({ text: '[en] Предложение номер 1.' });
    // Another account has its own count.
    expect(await translateSegment({ actor: volunteer.actor, input: { workId: many.workId, segment: last, lang: 'en' } })).toMatchObject({ text: '[en] Предложение номер 61.' });
  });

  it('refuses the segments of a translation that covers two of them (2–1), before asking the service', async () => {
    turnOn();
    const grouped = await buildRussianWork(collectionId);
    const [first, second] = grouped.sentences.map((sentence) => sentence.id) as [string, string];
    // The first sentence's translation covers the second too (an aligned 2–1 bead).
    await getDb().segmentText.create({ data: { segmentId: second, language: 'en', continuesPrevious: true, status: 'APPROVED' } });
    service.requests.length = 0;
    for (const segmentId of [first, second]) {
      const error = await translateSegment({ actor: volunteer.actor, input: { workId: grouped.workId, segment: segmentId, lang: 'en' } }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'CONFLICT' });
    }
    expect(translationRequests(service)).toHaveLength(0);
    // The sentence after the pair is translated as usual.
    expect(await translateSegment({ actor: volunteer.actor, input: { workId: grouped.workId, segment: grouped.sentences[2]?.id ?? '', lang: 'en' } })).toMatchObject({ text: '[en] Крестьяне слушали молча.' });
  });

  it('refuses a pair the service does not translate, before asking for a translation', async () => {
    turnOn();
    const german = await importWork({ actor: SYSTEM_ACTOR, file: { name: 'de.md', bytes: new TextEncoder().encode('Niemand sprach.\n') }, collection: { id: collectionId }, metadata: { title: 'De', language: 'de' } });
    await getDb().workLanguage.create({ data: { workId: german.workId, language: 'ru' } });
    const sentence = await getDb().segment.findFirstOrThrow({ where: { workId: german.workId, kind: 'SENTENCE' }, select: { id: true } });
    service.requests.length = 0;
    const error = await translateSegment({ actor: volunteer.actor, input: { workId: german.workId, segment: sentence.id, lang: 'ru' } }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: 'LibreTranslate does not translate from “de” into “ru”.' });
    expect(translationRequests(service)).toHaveLength(0);
    // Such refusals cost the account nothing: past the limit's 60 requests, the answer is still the pair's.
    const persistent = await buildUser();
    for (let attempt = 0; attempt < 61; attempt++) {
      const refused = await translateSegment({ actor: persistent.actor, input: { workId: german.workId, segment: sentence.id, lang: 'ru' } }).catch((caught: unknown) => caught);
      expect(refused).toMatchObject({ code: 'INVALID_INPUT' });
    }
  });
});

describe('machine translation through DeepL', () => {
  let service: FakeService;
  beforeAll(async () => {
    service = await startDeepL({ apiKey: 'deepl-key:fx' });
  });
  afterEach(() => service.misbehave(null));
  afterAll(() => service.close());

  it('translates into British English by default and reports a used-up quota as 503', async () => {
    configure({ MT_PROVIDER: 'deepl', DEEPL_API_KEY: 'deepl-key:fx', DEEPL_API_URL: service.url });
    const collectionId = (await buildCollection()).id;
    const { workId, sentences } = await buildRussianWork(collectionId);
    const volunteer = await buildUser();
    expect((await getEditorPage({ actor: volunteer.actor, workId, language: 'en' })).machineTranslation).toEqual({ provider: 'DEEPL', name: 'DeepL' });
    const cookie = await sessionCookie(volunteer.id);
    const call = (segment: string | undefined) => callRoute(machineRoute, `/api/works/${workId}/machine-translation`, { cookie, params: { workId }, init: json({ segment, lang: 'en' }) });

    const response = await call(sentences[1]?.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ provider: 'DEEPL', text: 'Nobody spoke.' });
    expect(service.requests.find((request) => request.method === 'POST')).toMatchObject({ path: '/v2/translate', body: { text: ['Никто не говорил.'], source_lang: 'RU', target_lang: 'EN-GB' }, headers: { authorization: 'DeepL-Auth-Key deepl-key:fx' } });

    service.misbehave({ kind: 'status', status: 456, body: { message: 'Quota exceeded' } });
    const quota = await call(sentences[2]?.id);
    expect(quota.status).toBe(503);
    expect(await quota.json()).toMatchObject({ error: { code: 'MACHINE_TRANSLATION_UNAVAILABLE', details: { provider: 'DEEPL', reason: 'quota' } } });
    // The key never reaches the answer.
    expect(JSON.stringify(await (await call(sentences[2]?.id)).json())).not.toContain('deepl-key');
  });

  it('keeps a revision from being "edited" machine text without a service (database check)', async () => {
    const collectionId = (await buildCollection()).id;
    const { sentences } = await buildRussianWork(collectionId);
    const text = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId: sentences[0]?.id ?? '', language: 'ru' } }, select: { id: true } });
    const refused = await getDb().revision.create({ data: { segmentTextId: text.id, text: 'x', origin: 'EDIT', isMachineEdited: true } }).catch((error: unknown) => error);
    expect(String(refused)).toContain('revision_machine_edited_has_provider');
    const labelled = await getDb().revision.create({ data: { segmentTextId: text.id, text: 'x', origin: 'EDIT', machineProvider: 'DEEPL', isMachineEdited: true }, select: { machineProvider: true } });
    expect(labelled.machineProvider).toBe('DEEPL');
  });
});
