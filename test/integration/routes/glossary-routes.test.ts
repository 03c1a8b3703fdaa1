import { beforeAll, describe, expect, it } from 'vitest';

import { POST as decisionsRoute } from '../../../app/api/collections/[collectionId]/glossary/decisions/route';
import { GET as proposalsList, POST as proposalsRoute } from '../../../app/api/collections/[collectionId]/glossary/proposals/route';
import { GET as listRoute } from '../../../app/api/collections/[collectionId]/glossary/route';
import { DELETE as deleteRoute, PATCH as patchRoute } from '../../../app/api/collections/[collectionId]/glossary/terms/[termId]/route';
import { POST as translationsRoute } from '../../../app/api/collections/[collectionId]/glossary/terms/[termId]/translations/route';
import { POST as termsRoute } from '../../../app/api/collections/[collectionId]/glossary/terms/route';
import { GET as workGlossaryRoute } from '../../../app/api/works/[workId]/glossary/route';
import { SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import type { GlossaryEntry, GlossaryPage, GlossaryProposal, SegmentGlossaryHits } from '../../../lib/glossary/types';
import { importAlignedTranslation } from '../../../lib/import/import-aligned-translation';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

const send = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('glossary routes', () => {
  let collectionId: string;
  let editorCookie: string;
  let volunteerCookie: string;
  let outsiderCookie: string;

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    const editor = await buildUser();
    await grantRole(editor.id, collectionId, 'EDITOR');
    editorCookie = await sessionCookie(editor.id);
    volunteerCookie = await sessionCookie((await buildUser()).id);
    const outsider = await buildUser();
    await grantRole(outsider.id, (await buildCollection()).id, 'ADMIN');
    outsiderCookie = await sessionCookie(outsider.id);
  });

  const base = () => `/api/collections/${collectionId}/glossary`;
  const params = () => ({ collectionId });
  const term = { source: 'en', target: 'ru', text: 'proletariat', partOfSpeech: 'noun', translations: [{ text: 'пролетариат', status: 'preferred' }] };

  it('refuse anonymous writers and volunteers who would manage, and let anyone read', async () => {
    expect((await callRoute(termsRoute, `${base()}/terms`, { params: params(), init: send('POST', term) })).status).toBe(401);
    expect((await callRoute(termsRoute, `${base()}/terms`, { params: params(), cookie: volunteerCookie, init: send('POST', term) })).status).toBe(403);
    expect((await callRoute(termsRoute, `${base()}/terms`, { params: params(), cookie: outsiderCookie, init: send('POST', term) })).status).toBe(403);
    expect((await callRoute(proposalsRoute, `${base()}/proposals`, { params: params(), init: send('POST', term) })).status).toBe(401);
    expect((await callRoute(decisionsRoute, `${base()}/decisions`, { params: params(), cookie: volunteerCookie, init: send('POST', { kind: 'term', id: collectionId, decision: 'approve' }) })).status).toBe(403);
    const created = await callRoute(termsRoute, `${base()}/terms`, { params: params(), cookie: editorCookie, init: send('POST', term) });
    expect(created.status).toBe(201);
    const list = await callRoute(listRoute, `${base()}?source=en&target=ru&q=proletar`, { params: params() });
    expect(list.status).toBe(200);
    expect(((await list.json()) as GlossaryPage).entries.map((entry) => [entry.text, entry.partOfSpeech, entry.translations.map((translation) => translation.text)])).toEqual([['proletariat', 'noun', ['пролетариат']]]);
    const invalid = await callRoute(listRoute, `${base()}?source=en&target=en`, { params: params() });
    expect(invalid.status).toBe(422);
  });

  it('take a volunteer’s proposal to an editor’s decision, and let editors change and delete terms', async () => {
    const proposed = await callRoute(proposalsRoute, `${base()}/proposals`, { params: params(), cookie: volunteerCookie, init: send('POST', { ...term, text: 'bourgeoisie', translations: [{ text: 'буржуазия' }] }) });
    expect(proposed.status).toBe(201);
    const { id } = (await proposed.json()) as GlossaryEntry;
    expect((await callRoute(proposalsList, `${base()}/proposals`, { params: params(), cookie: volunteerCookie })).status).toBe(403);
    const mine = (await (await callRoute(proposalsList, `${base()}/proposals?scope=mine`, { params: params(), cookie: volunteerCookie })).json()) as { proposals: GlossaryProposal[] };
    expect(mine.proposals.map((proposal) => proposal.term.text)).toEqual(['bourgeoisie']);
    const waiting = (await (await callRoute(proposalsList, `${base()}/proposals`, { params: params(), cookie: editorCookie })).json()) as { proposals: GlossaryProposal[] };
    expect(waiting.proposals.map((proposal) => proposal.id)).toEqual([id]);

    const missingReason = await callRoute(decisionsRoute, `${base()}/decisions`, { params: params(), cookie: editorCookie, init: send('POST', { kind: 'term', id, decision: 'reject' }) });
    expect(missingReason.status).toBe(422);
    const approved = await callRoute(decisionsRoute, `${base()}/decisions`, { params: params(), cookie: editorCookie, init: send('POST', { kind: 'term', id, decision: 'approve' }) });
    expect(await approved.json()).toEqual({ kind: 'term', id, state: 'APPROVED' });
    expect((await callRoute(decisionsRoute, `${base()}/decisions`, { params: params(), cookie: editorCookie, init: send('POST', { kind: 'term', id, decision: 'approve' }) })).status).toBe(409);

    const termParams = { collectionId, termId: id };
    const translation = await callRoute(translationsRoute, `${base()}/terms/${id}/translations`, { params: termParams, cookie: volunteerCookie, init: send('POST', { text: 'буржуа', status: 'admitted' }) });
    expect(translation.status).toBe(201);
    expect((await callRoute(patchRoute, `${base()}/terms/${id}`, { params: termParams, cookie: volunteerCookie, init: send('PATCH', { text: 'bourgeoisie', translations: [{ text: 'буржуазия' }] }) })).status).toBe(403);
    const patched = await callRoute(patchRoute, `${base()}/terms/${id}`, { params: termParams, cookie: editorCookie, init: send('PATCH', { text: 'bourgeoisie', note: 'The capitalist class.', translations: [{ text: 'буржуазия' }, { text: 'буржуа', status: 'admitted' }] }) });
    expect(((await patched.json()) as GlossaryEntry).translations.map((entry) => [entry.text, entry.status])).toEqual([
      ['буржуазия', 'preferred'],
      ['буржуа', 'admitted'],
    ]);
    expect((await callRoute(deleteRoute, `${base()}/terms/${id}`, { params: termParams, cookie: outsiderCookie, init: { method: 'DELETE' } })).status).toBe(403);
    expect((await callRoute(deleteRoute, `${base()}/terms/${id}`, { params: termParams, cookie: editorCookie, init: { method: 'DELETE' } })).status).toBe(204);
    expect((await callRoute(deleteRoute, `${base()}/terms/${id}`, { params: termParams, cookie: editorCookie, init: { method: 'DELETE' } })).status).toBe(404);
  });

  it('mark the terms of the originals the editor loads, by segment, for everyone who may read', async () => {
    const { workId } = await buildWork({ collectionId, text: '# Congress\n\nThe proletarians of all countries met. Nobody came late.\n', title: 'Congress' });
    await importAlignedTranslation({ actor: SYSTEM_ACTOR, workId, file: { name: 'ru.md', bytes: new TextEncoder().encode('# Съезд\n\nПролетарии всех стран встретились. Никто не опоздал.\n') }, provenance: { language: 'ru' } });
    await callRoute(termsRoute, `${base()}/terms`, { params: params(), cookie: editorCookie, init: send('POST', { ...term, text: 'proletarian', translations: [{ text: 'пролетарий' }] }) });
    const ask = (query: string, id = workId) => callRoute(workGlossaryRoute, `/api/works/${id}/glossary?${query}`, { params: { workId: id } });
    const answer = await ask('lang=ru&chunk=0');
    expect(answer.status).toBe(200);
    const { segments } = (await answer.json()) as { segments: Record<string, SegmentGlossaryHits> };
    expect(Object.values(segments).map((entry) => [entry.text, entry.hits.map((hit) => [entry.text.slice(hit.start, hit.end), hit.translations[0]?.text])])).toEqual([['The proletarians of all countries met.', [['proletarians', 'пролетарий']]]]);
    // Correcting the original marks nothing; an unknown work is not found.
    expect(await (await ask('lang=en&chunk=0')).json()).toEqual({ segments: {} });
    expect((await ask('lang=ru&chunk=0', '00000000-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await ask('lang=ru&chunk=0&count=9')).status).toBe(422);
  });
});
