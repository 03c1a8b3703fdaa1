import { beforeAll, describe, expect, it } from 'vitest';

import { GET as editorRows } from '../../../app/api/works/[workId]/editor-rows/route';
import { ANONYMOUS, SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { getDb, withTransaction } from '../../../lib/db/client';
import { findEditorRows } from '../../../lib/editor/find-editor-rows';
import { getEditorPage } from '../../../lib/editor/get-editor-page';
import type { EditorChunk } from '../../../lib/editor/types';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { approveSuggestion, rejectSuggestion } from '../../../lib/review/decide-suggestion';
import { writeRevision } from '../../../lib/revision/write-revision';
import { addTranslationBySegmentOrder } from '../../../lib/segment/add-translation-by-segment-order';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

const FRENCH = '# Une courte œuvre\n\nLa première phrase est ici. Jean a écrit la deuxième.\n\nUn nouveau paragraphe commence. Il finit à la page suivante.\n';

describe('segment editor read models', () => {
  let workId = '';

  beforeAll(async () => {
    workId = (await buildWork()).workId;
    await addTranslationBySegmentOrder({ actor: SYSTEM_ACTOR, workId, language: 'fr', text: FRENCH, format: 'md' });
  });

  it('opens the first translation with the layout of the whole work, its first rows and the viewer', async () => {
    const volunteer = await buildUser({ name: 'Vera Volunteer' });
    const page = await getEditorPage({ actor: volunteer.actor, workId, language: null });
    expect(page).toMatchObject({ language: 'fr', isSourceLanguage: false, languages: ['en', 'fr'], chunkSizes: [5], viewer: { id: volunteer.id, name: 'Vera Volunteer' }, abilities: { canEdit: true, canSuggest: true, canPublish: false, canRevert: false, canConfirm: false, canReview: false, canComment: true, canModerate: false } });
    const rows = page.initialChunks[0]?.rows ?? [];
    expect(rows.map((row) => row.kind)).toEqual(['HEADING', 'SENTENCE', 'SENTENCE', 'SENTENCE', 'SENTENCE']);
    expect(rows[1]).toMatchObject({ chunk: 0, source: { text: 'The first sentence is here.', status: 'APPROVED' }, target: { text: 'La première phrase est ici.', status: 'APPROVED' } });
    expect(rows[1]?.target.revisionId).toMatch(/^[0-9a-f-]{36}$/);
    // Sentences of one paragraph share their parent; the next paragraph has another.
    expect(rows[1]?.parentId).toBe(rows[2]?.parentId);
    expect(rows[3]?.parentId).not.toBe(rows[2]?.parentId);
  });

  it('opens at a segment given by id, and ignores ids that are not rows of the work', async () => {
    const first = await getEditorPage({ actor: ANONYMOUS, workId, language: 'fr' });
    expect(first.focus).toBeNull();
    const third = first.initialChunks[0]?.rows[2]?.segmentId as string;
    expect((await getEditorPage({ actor: ANONYMOUS, workId, language: 'fr', segmentId: third })).focus).toEqual({ segmentId: third, chunk: 0, position: 2 });
    const paragraph = await getDb().segment.findFirstOrThrow({ where: { workId, kind: 'PARAGRAPH' }, select: { id: true } });
    const elsewhere = (await getEditorPage({ actor: ANONYMOUS, workId: (await buildWork()).workId, language: 'en' })).initialChunks[0]?.rows[1]?.segmentId as string;
    for (const segmentId of [paragraph.id, elsewhere, 'not-a-uuid']) {
      expect((await getEditorPage({ actor: ANONYMOUS, workId, language: 'fr', segmentId })).focus).toBeNull();
    }
  });

  it('lets editors publish directly only where one approval suffices', async () => {
    const collection = await buildCollection();
    const single = (await buildWork({ collectionId: collection.id })).workId;
    const editor = await buildUser();
    const actor = await grantRole(editor.id, collection.id, 'EDITOR');
    expect((await getEditorPage({ actor, workId: single, language: 'en' })).abilities).toEqual({ canEdit: true, canSuggest: true, canPublish: true, canRevert: true, canConfirm: true, canReview: true, canComment: true, canModerate: true });
    await getDb().collection.update({ where: { id: collection.id }, data: { reviewPolicy: 'DOUBLE' } });
    expect((await getEditorPage({ actor, workId: single, language: 'en' })).abilities).toEqual({ canEdit: true, canSuggest: true, canPublish: false, canRevert: true, canConfirm: true, canReview: true, canComment: true, canModerate: true });
  });

  it('lets guests read the drafts but not edit them, and corrects the original with lang = source', async () => {
    const page = await getEditorPage({ actor: ANONYMOUS, workId, language: 'en' });
    expect(page).toMatchObject({ language: 'en', isSourceLanguage: true, viewer: null, abilities: { canEdit: false, canSuggest: false, canPublish: false, canRevert: false, canConfirm: false, canReview: false, canComment: false, canModerate: false } });
    const row = page.initialChunks[0]?.rows[1];
    expect(row?.target).toEqual(row?.source);
  });

  it('refuses unknown works and languages the work is not read in', async () => {
    expect(await errorCodeOf(getEditorPage({ actor: ANONYMOUS, workId: '0190a5b0-0000-7000-8000-000000000000', language: null }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(getEditorPage({ actor: ANONYMOUS, workId: 'not-a-uuid', language: null }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(findEditorRows({ actor: ANONYMOUS, workId, language: 'de', fromChunk: 0 }))).toBe('NOT_FOUND');
  });

  it('cuts a long work into chunks of 100 rows and loads them by chunk', async () => {
    const sentences = Array.from({ length: 230 }, (_, index) => `Sentence number ${index + 1} is here.`).join(' ');
    const long = (await buildWork({ text: `# Long\n\n${sentences}\n` })).workId;
    const page = await getEditorPage({ actor: ANONYMOUS, workId: long, language: null });
    expect(page.chunkSizes).toEqual([100, 100, 31]);
    expect(page.initialChunks.map((chunk) => chunk.rows.length)).toEqual([100, 100]);
    const { chunks } = await findEditorRows({ actor: ANONYMOUS, workId: long, language: 'en', fromChunk: 2, chunkCount: 3 });
    expect(chunks.map((chunk) => [chunk.chunk, chunk.rows.length])).toEqual([[2, 31], [3, 0], [4, 0]]);
    expect(chunks[0]?.rows.at(-1)?.source.text).toBe('Sentence number 230 is here.');
  });

  it('marks a text proposed while suggestions for it await review, and no longer once decided', async () => {
    const collection = await buildCollection();
    await getDb().collection.update({ where: { id: collection.id }, data: { reviewPolicy: 'DOUBLE' } });
    const work = (await buildWork({ collectionId: collection.id })).workId;
    await addTranslationBySegmentOrder({ actor: SYSTEM_ACTOR, workId: work, language: 'fr', text: FRENCH, format: 'md' });
    const rowsOf = async (language: string) => (await findEditorRows({ actor: ANONYMOUS, workId: work, language, fromChunk: 0 })).chunks[0]?.rows ?? [];
    const [, first, second] = await rowsOf('fr');
    if (!first || !second) throw new Error('The work has no sentences.');
    expect([first.target.openSuggestions, first.source.openSuggestions, second.target.openSuggestions]).toEqual([0, 0, 0]);

    const [ada, ben] = [await buildUser(), await buildUser()];
    const suggest = (actor: typeof ada.actor, segmentId: string, language: string, text: string, baseRevisionId: string | null) => createSuggestion({ actor, input: { segmentId, language, text, baseRevisionId } });
    const fromAda = await suggest(ada.actor, first.segmentId, 'fr', 'La toute première phrase est ici.', first.target.revisionId);
    const fromBen = await suggest(ben.actor, first.segmentId, 'fr', 'Voici la première phrase.', first.target.revisionId);
    await suggest(ada.actor, second.segmentId, 'en', 'John wrote the second one.', second.source.revisionId);

    const [, proposed, sourceProposed] = await rowsOf('fr');
    // Both suggestions wait; the published text and its status are unchanged until one is published.
    expect(proposed?.target).toMatchObject({ text: 'La première phrase est ici.', status: 'APPROVED', openSuggestions: 2 });
    expect(proposed?.source.openSuggestions).toBe(0);
    // A correction of the original is proposed on the source side of the translation's rows, and on the rows of the original.
    expect(sourceProposed?.source.openSuggestions).toBe(1);
    expect(sourceProposed?.target.openSuggestions).toBe(0);
    expect((await rowsOf('en'))[2]?.target.openSuggestions).toBe(1);

    const [eve, max] = [await buildUser(), await buildUser()];
    const firstReviewer = await grantRole(eve.id, collection.id, 'EDITOR');
    const secondReviewer = await grantRole(max.id, collection.id, 'EDITOR');
    // Approved once, Ada's still waits for the second reviewer: still proposed.
    expect((await approveSuggestion({ actor: firstReviewer, input: { suggestionId: fromAda.suggestionId } })).status).toBe('APPROVED');
    await rejectSuggestion({ actor: firstReviewer, input: { suggestionId: fromBen.suggestionId, reason: 'STYLE' } });
    expect((await rowsOf('fr'))[1]?.target.openSuggestions).toBe(1);

    expect((await approveSuggestion({ actor: secondReviewer, input: { suggestionId: fromAda.suggestionId } })).status).toBe('PUBLISHED');
    expect((await rowsOf('fr'))[1]?.target).toMatchObject({ text: 'La toute première phrase est ici.', status: 'APPROVED', openSuggestions: 0 });
  });

  it('shows a group translated as one sentence on its first row, even when the group runs on into the next chunk', async () => {
    const count = 230;
    const english = Array.from({ length: count }, (_, index) => `Sentence number ${index + 1} is here.`).join(' ');
    const french = Array.from({ length: count }, (_, index) => `Phrase numéro ${index + 1} ici.`).join(' ');
    const long = (await buildWork({ text: `# Long\n\n${english}\n` })).workId;
    await addTranslationBySegmentOrder({ actor: SYSTEM_ACTOR, workId: long, language: 'fr', text: `# Long\n\n${french}\n`, format: 'md' });
    const rowsOf = async (chunk: number, language = 'fr') => (await findEditorRows({ actor: ANONYMOUS, workId: long, language, fromChunk: chunk })).chunks[0]?.rows ?? [];
    const [first, second] = [await rowsOf(0), await rowsOf(1)];
    // The last row of chunk 0 (sentence 99) and the first two of chunk 1 (sentences 100 and 101) become one group.
    const head = first.at(-1);
    const [continued, last, after] = second;
    if (!head || !continued || !last || !after) throw new Error('The work has two full chunks.');
    expect([head.continuesPrevious, head.groupedSources]).toEqual([false, []]);
    await withTransaction(getDb(), async (tx) => {
      await writeRevision({ tx, segmentId: head.segmentId, language: 'fr', text: 'Phrases 99 à 101 ensemble.', origin: 'ALIGN', authorId: null, expectedRevisionId: head.target.revisionId });
      for (const row of [continued, last]) await writeRevision({ tx, segmentId: row.segmentId, language: 'fr', text: null, origin: 'ALIGN', authorId: null, expectedRevisionId: row.target.revisionId, fields: { continuesPrevious: true } });
    });

    // Reading chunk 0 alone, its last row holds the sources of the whole group.
    const grouped = (await rowsOf(0)).at(-1);
    expect(grouped).toMatchObject({ continuesPrevious: false, target: { text: 'Phrases 99 à 101 ensemble.' }, groupedSources: [{ segmentId: continued.segmentId, text: 'Sentence number 100 is here.' }, { segmentId: last.segmentId, text: 'Sentence number 101 is here.' }] });
    const [one, two, three] = await rowsOf(1);
    expect([one?.continuesPrevious, two?.continuesPrevious, three?.continuesPrevious]).toEqual([true, true, false]);
    expect([one?.groupedSources, three?.groupedSources]).toEqual([[], []]);
    expect(one?.target).toMatchObject({ text: '', revisionId: null, status: 'APPROVED' });
    // Correcting the original, every segment is a row of its own.
    expect((await rowsOf(1, 'en')).slice(0, 2).map((row) => [row.continuesPrevious, row.groupedSources.length])).toEqual([[false, 0], [false, 0]]);
  });

  it('tells the viewer which suggestions for a text wait for review, whose they are, and which were turned down and why', async () => {
    const collection = await buildCollection();
    const work = (await buildWork({ collectionId: collection.id })).workId;
    await addTranslationBySegmentOrder({ actor: SYSTEM_ACTOR, workId: work, language: 'fr', text: FRENCH, format: 'md' });
    const [ada, ben] = [await buildUser(), await buildUser()];
    const editor = await grantRole((await buildUser()).id, collection.id, 'EDITOR');
    const rowsOf = async (actor: typeof ada.actor) => (await findEditorRows({ actor, workId: work, language: 'fr', fromChunk: 0 })).chunks[0]?.rows ?? [];
    const [, first, second, third] = await rowsOf(ada.actor);
    if (!first || !second || !third) throw new Error('The work has sentences.');
    expect(first.suggestions).toEqual({ waiting: [], declined: [] });
    const suggest = (actor: typeof ada.actor, row: typeof first, text: string) => createSuggestion({ actor, input: { segmentId: row.segmentId, language: 'fr', text, baseRevisionId: row.target.revisionId } });

    const waiting = await suggest(ada.actor, first, 'La toute première phrase est ici.');
    const rejected = await suggest(ada.actor, second, 'Jean a écrit la seconde.');
    await rejectSuggestion({ actor: editor, input: { suggestionId: rejected.suggestionId, reason: 'TERMINOLOGY', note: 'We say “deuxième”.' } });
    const partly = await suggest(ben.actor, third, 'Un tout nouveau paragraphe commence.');
    await approveSuggestion({ actor: editor, input: { suggestionId: partly.suggestionId, text: 'Un nouveau paragraphe commence.', hunkRejections: [{ excerpt: 'tout', reason: 'NOT_IN_ORIGINAL', note: '' }] } });
    const whole = await suggest(ben.actor, second, 'Jean écrivit la deuxième.');
    await approveSuggestion({ actor: editor, input: { suggestionId: whole.suggestionId } });

    const [, mine, declined, partial] = await rowsOf(ada.actor);
    expect(mine?.suggestions.waiting).toEqual([{ suggestionId: waiting.suggestionId, status: 'PENDING', text: 'La toute première phrase est ici.', baseRevisionId: first.target.revisionId, isOwn: true }]);
    // Published as suggested, Ben's is neither waiting nor turned down.
    expect(declined?.suggestions).toEqual({ waiting: [], declined: [{ suggestionId: rejected.suggestionId, outcome: 'REJECTED', text: 'Jean a écrit la seconde.', baseRevisionId: second.target.revisionId, isOwn: true, reason: 'TERMINOLOGY', note: 'We say “deuxième”.', turnedDown: [] }] });
    expect(partial?.suggestions.declined).toEqual([{ suggestionId: partly.suggestionId, outcome: 'PARTLY_APPROVED', text: 'Un tout nouveau paragraphe commence.', baseRevisionId: third.target.revisionId, isOwn: false, reason: null, note: '', turnedDown: [{ excerpt: 'tout', reason: 'NOT_IN_ORIGINAL', note: '' }] }]);
    // Someone else sees the same suggestions, none of them theirs.
    expect((await rowsOf(ben.actor))[1]?.suggestions.waiting.map((entry) => entry.isOwn)).toEqual([false]);
    expect((await rowsOf(editor))[3]?.suggestions.declined.map((entry) => entry.isOwn)).toEqual([false]);
    // Guests, who may not suggest, see no one's suggestions and no reviewer's notes.
    expect((await rowsOf(ANONYMOUS)).map((row) => row.suggestions)).toEqual((await rowsOf(ANONYMOUS)).map(() => ({ waiting: [], declined: [] })));
  });

  it('serves chunks over GET /api/works/:id/editor-rows, to guests too, with the one error body', async () => {
    const params = { workId };
    const guest = await callRoute(editorRows, `/api/works/${workId}/editor-rows?lang=fr&chunk=0`, { params });
    expect(guest.status).toBe(200);
    const { chunks } = (await guest.json()) as { chunks: EditorChunk[] };
    expect(chunks[0]?.rows[2]?.target.text).toBe('Jean a écrit la deuxième.');

    const volunteer = await buildUser();
    const signedIn = await callRoute(editorRows, `/api/works/${workId}/editor-rows?lang=fr&chunk=0&count=2`, { params, cookie: await sessionCookie(volunteer.id) });
    expect(((await signedIn.json()) as { chunks: EditorChunk[] }).chunks.map((chunk) => chunk.chunk)).toEqual([0, 1]);

    const unknown = await callRoute(editorRows, `/api/works/0190a5b0-0000-7000-8000-000000000000/editor-rows?lang=fr&chunk=0`, { params: { workId: '0190a5b0-0000-7000-8000-000000000000' } });
    expect(unknown.status).toBe(404);
    const tooMany = await callRoute(editorRows, `/api/works/${workId}/editor-rows?lang=fr&chunk=0&count=50`, { params });
    expect(tooMany.status).toBe(422);
    expect(await tooMany.json()).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect((await callRoute(editorRows, `/api/works/${workId}/editor-rows?lang=xx&chunk=0`, { params })).status).toBe(404);
  });
});
