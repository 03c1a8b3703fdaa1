import { beforeAll, describe, expect, it } from 'vitest';

import type { Actor } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { approveSuggestion } from '../../../lib/review/decide-suggestion';
import { getRevisionHistory } from '../../../lib/review/revision-history';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';

describe('an approval credits who wrote the published words', () => {
  let collectionId: string;
  let segmentIds: string[];
  let volunteer: Actor & { kind: 'user' };
  let editor: Actor & { kind: 'user' };
  let validator: Actor & { kind: 'user' };

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    const { workId } = await buildWork({ collectionId, text: 'The first sentence. The second sentence. The third sentence. The fourth sentence.' });
    segmentIds = (await getDb().segment.findMany({ where: { workId, kind: 'SENTENCE' }, orderBy: { orderKey: 'asc' }, select: { id: true } })).map((s) => s.id);
    volunteer = (await buildUser({ name: 'Volunteer Vera' })).actor as Actor & { kind: 'user' };
    editor = (await grantRole((await buildUser({ name: 'Editor Egor' })).id, collectionId, 'EDITOR')) as Actor & { kind: 'user' };
    validator = (await grantRole((await buildUser({ name: 'Validator Vlad' })).id, collectionId, 'EDITOR')) as Actor & { kind: 'user' };
  });

  const suggest = async (index: number, text: string) => {
    const segmentId = segmentIds[index] as string;
    const base = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId, language: 'en' } }, select: { publishedRevisionId: true } });
    return { segmentId, ...(await createSuggestion({ actor: volunteer, input: { segmentId, language: 'en', text, baseRevisionId: base.publishedRevisionId } })) };
  };

  const publishedCredit = async (segmentId: string) => {
    const text = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId, language: 'en' } }, select: { publishedRevision: { select: { text: true, authorId: true, editedById: true } } } });
    return text.publishedRevision;
  };

  it('credits the author alone when the text is published as suggested', async () => {
    const { segmentId, suggestionId } = await suggest(0, 'The first sentence, corrected.');
    await approveSuggestion({ actor: editor, input: { suggestionId } });
    expect(await publishedCredit(segmentId)).toEqual({ text: 'The first sentence, corrected.', authorId: volunteer.id, editedById: null });
  });

  it('credits the author and the editor when the editor changed the text before approving, and the history names both', async () => {
    const { segmentId, suggestionId } = await suggest(1, 'The second sentense, corrected.');
    await approveSuggestion({ actor: editor, input: { suggestionId, text: 'The second sentence, corrected.' } });
    expect(await publishedCredit(segmentId)).toEqual({ text: 'The second sentence, corrected.', authorId: volunteer.id, editedById: editor.id });
    const [latest] = await getRevisionHistory({ actor: volunteer, segmentId, language: 'en' });
    expect(latest).toMatchObject({ origin: 'APPROVAL', authorName: 'Volunteer Vera', editorName: 'Editor Egor', isPublished: true });
  });

  it('with two reviewers, credits the first reviewer’s edit when the validator publishes it unchanged', async () => {
    await getDb().collection.update({ where: { id: collectionId }, data: { reviewPolicy: 'DOUBLE' } });
    try {
      const { segmentId, suggestionId } = await suggest(2, 'The thrid sentence.');
      expect(await approveSuggestion({ actor: editor, input: { suggestionId, text: 'The third sentence!' } })).toMatchObject({ status: 'APPROVED' });
      await approveSuggestion({ actor: validator, input: { suggestionId } });
      expect(await publishedCredit(segmentId)).toEqual({ text: 'The third sentence!', authorId: volunteer.id, editedById: editor.id });

      const second = await suggest(3, 'The fourth sentence?');
      await approveSuggestion({ actor: editor, input: { suggestionId: second.suggestionId } });
      await approveSuggestion({ actor: validator, input: { suggestionId: second.suggestionId, text: 'The fourth sentence.' } });
      expect(await publishedCredit(second.segmentId)).toEqual({ text: 'The fourth sentence.', authorId: volunteer.id, editedById: validator.id });
    } finally {
      await getDb().collection.update({ where: { id: collectionId }, data: { reviewPolicy: 'SINGLE' } });
    }
  });

  it('keeps the revision when the editor’s account is deleted, without the credit, and refuses every other change', async () => {
    const temporary = (await grantRole((await buildUser({ name: 'Editor Passing' })).id, collectionId, 'EDITOR')) as Actor & { kind: 'user' };
    const { segmentId, suggestionId } = await suggest(0, 'The first sentence, corrected twice.');
    await approveSuggestion({ actor: temporary, input: { suggestionId, text: 'The first sentence, corrected at last.' } });
    const { publishedRevisionId } = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId, language: 'en' } }, select: { publishedRevisionId: true } });
    await getDb().user.delete({ where: { id: temporary.id } });
    expect(await publishedCredit(segmentId)).toEqual({ text: 'The first sentence, corrected at last.', authorId: volunteer.id, editedById: null });
    await expect(getDb().$executeRaw`UPDATE revision SET edited_by_id = ${editor.id}::uuid WHERE id = ${publishedRevisionId}::uuid`).rejects.toThrow(/immutable/);
    await expect(getDb().$executeRaw`UPDATE revision SET text = 'changed' WHERE id = ${publishedRevisionId}::uuid`).rejects.toThrow(/immutable/);
  });
});
