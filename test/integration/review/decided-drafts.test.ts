import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { collabDocumentName } from '../../../lib/collab/document-name';
import { entryText, getSegmentEntry, replaceText, seedEntryUpdate } from '../../../lib/collab/segment-doc';
import { getDb, withTransaction } from '../../../lib/db/client';
import { AppError } from '../../../lib/errors/app-error';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { approveSuggestion, rejectSuggestion } from '../../../lib/review/decide-suggestion';
import { getOwnSuggestions } from '../../../lib/review/own-suggestions';
import { getReviewQueue } from '../../../lib/review/review-queue';
import { revertToRevision } from '../../../lib/review/revision-history';
import { submitDoneDrafts } from '../../../lib/review/submit-drafts';
import { writeRevision } from '../../../lib/revision/write-revision';
import { addTranslationBySegmentOrder } from '../../../lib/segment/add-translation-by-segment-order';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';

const SOURCE = '# Title\n\nThe first sentence. The second sentence. The third sentence. The fourth sentence. The fifth sentence.\n';
const FRENCH = '# Titre\n\nLa première phrase. La deuxième phrase. La troisième phrase. La quatrième phrase. La cinquième phrase.\n';

async function publishedOf(segmentId: string, language: string): Promise<{ id: string | null; text: string }> {
  const text = await getDb().segmentText.findUnique({ where: { segmentId_language: { segmentId, language } }, select: { publishedRevisionId: true, publishedRevision: { select: { text: true } } } });
  return { id: text?.publishedRevisionId ?? null, text: text?.publishedRevision?.text ?? '' };
}

/** The message an AppError carries, or what else happened. */
async function refusalOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  return promise.then(
    () => ({ code: 'resolved', message: '' }),
    (error: unknown) => (error instanceof AppError ? { code: error.code, message: error.message } : { code: 'unexpected', message: String(error) }),
  );
}

/** Groups `next`'s translation into `head`'s, as the alignment editor's merge writes it. */
async function groupWithPrevious(head: string, next: string, language: string, text: string): Promise<void> {
  await withTransaction(getDb(), async (tx) => {
    await writeRevision({ tx, segmentId: head, language, text, origin: 'ALIGN', authorId: null, expectedRevisionId: (await publishedOf(head, language)).id });
    await writeRevision({ tx, segmentId: next, language, text: null, origin: 'ALIGN', authorId: null, expectedRevisionId: (await publishedOf(next, language)).id, fields: { continuesPrevious: true } });
  });
}

describe('suggestions already decided, and segments translated together', () => {
  let collectionId: string;
  let workId: string;
  let segmentIds: string[];
  let volunteer: { id: string; actor: Actor };
  let other: { id: string; actor: Actor };
  let editor: Actor;

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    workId = (await buildWork({ collectionId, text: SOURCE })).workId;
    await addTranslationBySegmentOrder({ actor: SYSTEM_ACTOR, workId, language: 'fr', text: FRENCH, format: 'md' });
    segmentIds = (await getDb().segment.findMany({ where: { workId, kind: { not: 'PARAGRAPH' } }, orderBy: { orderKey: 'asc' }, select: { id: true } })).map((segment) => segment.id);
    volunteer = await buildUser({ name: 'Vera Volunteer' });
    other = await buildUser({ name: 'Oto Other' });
    editor = await grantRole((await buildUser({ name: 'Eli Editor' })).id, collectionId, 'EDITOR');
  });

  const suggest = async (actor: Actor, index: number, text: string, options: { publish?: boolean; base?: string | null } = {}) => {
    const segmentId = segmentIds[index] as string;
    const baseRevisionId = options.base !== undefined ? options.base : (await publishedOf(segmentId, 'fr')).id;
    return createSuggestion({ actor, input: { segmentId, language: 'fr', text, baseRevisionId, publish: options.publish ?? false } });
  };

  it('refuses a suggestion word for word the same, on the same base, as one waiting for review, whoever sends it', async () => {
    const text = 'La toute première phrase.';
    const waiting = await suggest(volunteer.actor, 1, text);
    for (const actor of [volunteer.actor, other.actor]) {
      expect(await refusalOf(suggest(actor, 1, text))).toEqual({ code: 'CONFLICT', message: 'This text is already waiting for review as it stands.' });
    }
    // The one waiting is untouched (not withdrawn by the refused twin), and a changed text is a new proposal.
    expect((await getDb().suggestion.findUniqueOrThrow({ where: { id: waiting.suggestionId }, select: { status: true } })).status).toBe('PENDING');
    expect((await suggest(other.actor, 1, 'La toute première phrase, vraiment.')).status).toBe('PENDING');
  });

  it('refuses a suggestion identical to a rejected one on the same base, and takes it on another base or changed', async () => {
    const text = 'La deuxième phrase, rejetée.';
    const rejected = await suggest(volunteer.actor, 2, text);
    await rejectSuggestion({ actor: editor, input: { suggestionId: rejected.suggestionId, reason: 'MEANING', note: 'Not what the original says.' } });
    const refusal = await refusalOf(suggest(volunteer.actor, 2, text));
    expect(refusal).toEqual({ code: 'CONFLICT', message: 'A reviewer already rejected this text for the version it is based on. Change it before submitting it again.' });
    expect(await errorCodeOf(suggest(other.actor, 2, text))).toBe('CONFLICT');
    // Changed, it is a new proposal; on another base (the text moved since), the question is a new one too.
    expect((await suggest(volunteer.actor, 2, `${text} Autrement.`)).status).toBe('PENDING');
    expect((await suggest(other.actor, 2, text, { base: null })).status).toBe('PENDING');
  });

  it('refuses one identical to a partly approved one, but lets an editor publish it at once', async () => {
    const segmentId = segmentIds[3] as string;
    const text = 'La troisième belle phrase, vraiment.';
    const partly = await suggest(volunteer.actor, 3, text);
    await approveSuggestion({ actor: editor, input: { suggestionId: partly.suggestionId, text: 'La troisième belle phrase.', hunkRejections: [{ excerpt: ', vraiment', reason: 'STYLE', note: 'Too much.' }] } });
    const base = (await getDb().suggestion.findUniqueOrThrow({ where: { id: partly.suggestionId }, select: { baseRevisionId: true } })).baseRevisionId;
    expect(await refusalOf(suggest(volunteer.actor, 3, text, { base }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('published part of this text') as unknown });
    // Published as suggested is no refusal: the text simply is the published one now.
    const whole = await suggest(volunteer.actor, 4, 'La quatrième phrase, entière.');
    const wholeBase = (await publishedOf(segmentIds[4] as string, 'fr')).id;
    await approveSuggestion({ actor: editor, input: { suggestionId: whole.suggestionId } });
    expect(await errorCodeOf(suggest(other.actor, 4, 'La quatrième phrase, entière.', { base: wholeBase }))).toBe('resolved');

    const singleEditor = await grantRole((await buildUser()).id, collectionId, 'ADMIN');
    expect((await suggest(singleEditor, 3, text, { base: (await publishedOf(segmentId, 'fr')).id, publish: true })).status).toBe('PUBLISHED');
  });

  it('refuses text for a segment translated together with the previous one, and the approval of one suggested before', async () => {
    const [head, next] = [segmentIds[1] as string, segmentIds[2] as string];
    const early = await suggest(other.actor, 2, 'Une phrase à elle.');
    await groupWithPrevious(head, next, 'fr', 'La première et la deuxième phrase ensemble.');
    const refusal = await refusalOf(suggest(volunteer.actor, 2, 'Une deuxième phrase à part.'));
    expect(refusal.code).toBe('CONFLICT');
    expect(refusal.message).toContain('translated together with the one before it');
    expect(await errorCodeOf(approveSuggestion({ actor: editor, input: { suggestionId: early.suggestionId } }))).toBe('CONFLICT');
    expect((await publishedOf(next, 'fr')).id).toBeNull();
    // Nor can an editor publish its old text again from the history: the text's own lock refuses it.
    const older = await getDb().revision.findFirstOrThrow({ where: { segmentText: { segmentId: next, language: 'fr' }, text: { not: '' } }, select: { id: true } });
    expect(await errorCodeOf(revertToRevision({ actor: editor, input: { segmentId: next, language: 'fr', revisionId: older.id, expectedRevisionId: null } }))).toBe('CONFLICT');
    expect((await publishedOf(next, 'fr')).id).toBeNull();
    // Rejecting it is how it leaves the queue; the group's first segment takes suggestions as before.
    await rejectSuggestion({ actor: editor, input: { suggestionId: early.suggestionId, reason: 'OTHER', note: 'Translated with the previous sentence.' } });
    expect((await suggest(volunteer.actor, 1, 'La première et la deuxième phrase, réunies.')).status).toBe('PENDING');
    // The original of that segment is not grouped: it takes corrections.
    expect((await createSuggestion({ actor: volunteer.actor, input: { segmentId: next, language: 'en', text: 'The second sentence, corrected.', baseRevisionId: (await publishedOf(next, 'en')).id } })).status).toBe('PENDING');
  });

  it('links to one suggestion: the author’s own list and the review queue filter by it', async () => {
    const mine = await getOwnSuggestions({ actor: volunteer.actor, filter: {} });
    const first = mine.items[1];
    if (!first) throw new Error('Vera has suggestions.');
    expect((await getOwnSuggestions({ actor: volunteer.actor, filter: { suggestionId: first.suggestionId } })).items.map((item) => item.suggestionId)).toEqual([first.suggestionId]);
    // Someone else's suggestion is not theirs to see.
    expect((await getOwnSuggestions({ actor: other.actor, filter: { suggestionId: first.suggestionId } })).items).toEqual([]);
    const queue = await getReviewQueue({ actor: editor, filter: { segmentId: segmentIds[1] as string } });
    expect(queue.items.length).toBeGreaterThan(0);
    expect(new Set(queue.items.map((item) => item.segmentId))).toEqual(new Set([segmentIds[1]]));
  });
});

describe('submitting every draft marked done, after decisions', () => {
  it('skips drafts waiting for review by anyone, drafts turned down as they are, and drafts of grouped segments', async () => {
    const collectionId = (await buildCollection()).id;
    const workId = (await buildWork({ collectionId, text: SOURCE })).workId;
    await addTranslationBySegmentOrder({ actor: SYSTEM_ACTOR, workId, language: 'fr', text: FRENCH, format: 'md' });
    const segments = await getDb().segment.findMany({ where: { workId, kind: { not: 'PARAGRAPH' } }, orderBy: { orderKey: 'asc' }, select: { id: true } });
    const ids = segments.map((segment) => segment.id);
    const [ada, bo] = [await buildUser(), await buildUser()];
    const editor = await grantRole((await buildUser()).id, collectionId, 'EDITOR');
    const bases = await Promise.all(ids.map(async (id) => publishedOf(id, 'fr')));
    const base = (index: number) => bases[index]?.id ?? null;

    // Ada's drafts of segments 1–3, submitted; one rejected, one partly approved, one waiting.
    const drafts = ['La première phrase, revue.', 'La deuxième phrase, refusée.', 'La troisième phrase, un peu trop.', 'La quatrième phrase, à part.'];
    const sent = await Promise.all(drafts.slice(0, 3).map((text, index) => createSuggestion({ actor: ada.actor, input: { segmentId: ids[index + 1] as string, language: 'fr', text, baseRevisionId: base(index + 1) } })));
    await rejectSuggestion({ actor: editor, input: { suggestionId: sent[1]?.suggestionId as string, reason: 'STYLE', note: '' } });
    await approveSuggestion({ actor: editor, input: { suggestionId: sent[2]?.suggestionId as string, text: 'La troisième phrase.', hunkRejections: [{ excerpt: ', un peu trop', reason: 'NOT_IN_ORIGINAL', note: '' }] } });
    // Segment 5 is translated with segment 4 since a draft was typed in it.
    await groupWithPrevious(ids[4] as string, ids[5] as string, 'fr', 'La quatrième et la cinquième phrase.');

    // The shared drafts, all marked done: three submitted as they are, and one in the grouped segment.
    const doc = new Y.Doc();
    for (const [index, id] of ids.entries()) Y.applyUpdate(doc, seedEntryUpdate(id, base(index), bases[index]?.text ?? ''));
    const edit = (index: number, text: string) => {
      const entry = getSegmentEntry(doc, ids[index] as string) as Y.Map<unknown>;
      replaceText(entryText(entry), text);
      entry.set('done', true);
    };
    drafts.slice(0, 3).forEach((text, index) => edit(index + 1, text));
    edit(5, 'La cinquième phrase, tapée à part.');
    await getDb().collabDocument.create({ data: { name: collabDocumentName({ workId, language: 'fr', chunk: 0 }), workId, language: 'fr', chunk: 0, state: new Uint8Array(Y.encodeStateAsUpdate(doc)) } });

    // Bo submits every draft marked done: none is a new question for the reviewers.
    expect(await submitDoneDrafts({ actor: bo.actor, workId, language: 'fr' })).toEqual({ submitted: 0, alreadySubmitted: 1, unchanged: 0, declined: 2, grouped: 1, failed: [], hasMore: false });
    expect(await getDb().suggestion.count({ where: { workId, authorId: bo.id } })).toBe(0);
  });
});
