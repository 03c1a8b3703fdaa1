import { beforeAll, describe, expect, it } from 'vitest';

import { SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { readEditorChunks } from '../../../lib/editor/editor-rows';
import { AppError } from '../../../lib/errors/app-error';
import { importAlignedTranslation } from '../../../lib/import/import-aligned-translation';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { approveSuggestion, rejectSuggestion, type ConflictDetails } from '../../../lib/review/decide-suggestion';
import { getReviewQueue } from '../../../lib/review/review-queue';
import { getRevisionHistory, revertToRevision } from '../../../lib/review/revision-history';
import { confirmTranslation, getStaleTranslations } from '../../../lib/review/stale-translations';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';

async function publishedOf(segmentId: string, language: string) {
  const text = await getDb().segmentText.findUniqueOrThrow({
    where: { segmentId_language: { segmentId, language } },
    select: { publishedRevisionId: true, sourceRevisionId: true, publishedRevision: { select: { text: true, origin: true, authorId: true } } },
  });
  return { id: text.publishedRevisionId, text: text.publishedRevision?.text ?? null, origin: text.publishedRevision?.origin, authorId: text.publishedRevision?.authorId, sourceRevisionId: text.sourceRevisionId };
}

describe('review workflow', () => {
  let collectionId: string;
  let workId: string;
  let segmentIds: string[];
  let volunteer: Actor & { kind: 'user' };
  let editor: Actor;
  let secondEditor: Actor;
  let admin: Actor;

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    workId = (await buildWork({ collectionId, text: '# Title\n\nThe first sentence. The second sentence. The third sentence. The fourth sentence. The fifth sentence.\n' })).workId;
    segmentIds = (await getDb().segment.findMany({ where: { workId, kind: { not: 'PARAGRAPH' } }, orderBy: { orderKey: 'asc' }, select: { id: true } })).map((s) => s.id);
    volunteer = (await buildUser({ name: 'Vol' })).actor as Actor & { kind: 'user' };
    const e1 = await buildUser({ name: 'Ed One' });
    editor = await grantRole(e1.id, collectionId, 'EDITOR');
    const e2 = await buildUser({ name: 'Ed Two' });
    secondEditor = await grantRole(e2.id, collectionId, 'EDITOR');
    const a = await buildUser({ name: 'Admin' });
    admin = await grantRole(a.id, collectionId, 'ADMIN');
  });

  const suggest = async (actor: Actor, index: number, text: string, language = 'en') => {
    const segmentId = segmentIds[index] as string;
    const base = await publishedOf(segmentId, language).catch(() => ({ id: null }));
    return createSuggestion({ actor, input: { segmentId, language, text, baseRevisionId: base.id } });
  };

  it('publishes a volunteer’s suggestion when an editor approves it, crediting the author', async () => {
    const { suggestionId, status } = await suggest(volunteer, 1, 'The first sentence, corrected.');
    expect(status).toBe('PENDING');
    const queue = await getReviewQueue({ actor: editor, filter: { workId } });
    const item = queue.items.find((entry) => entry.suggestionId === suggestionId);
    expect(item?.diff).toContainEqual({ kind: 'insert', text: ', corrected' });
    expect(item?.author?.name).toBe('Vol');

    expect(await approveSuggestion({ actor: editor, input: { suggestionId } })).toMatchObject({ status: 'PUBLISHED' });
    expect(await publishedOf(segmentIds[1] as string, 'en')).toMatchObject({ text: 'The first sentence, corrected.', origin: 'APPROVAL', authorId: volunteer.id });
    expect((await getReviewQueue({ actor: editor, filter: { workId } })).items.map((entry) => entry.suggestionId)).not.toContain(suggestionId);
    await expect(approveSuggestion({ actor: editor, input: { suggestionId } })).rejects.toThrow(/already published/);
  });

  it('lets no one approve their own suggestion, except an admin where the collection allows it', async () => {
    const own = await suggest(editor, 2, 'The second sentence, by an editor.');
    expect(await errorCodeOf(approveSuggestion({ actor: editor, input: { suggestionId: own.suggestionId } }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(approveSuggestion({ actor: volunteer, input: { suggestionId: own.suggestionId } }))).toBe('FORBIDDEN');
    const adminOwn = await suggest(admin, 3, 'The third sentence, by the admin.');
    expect(await errorCodeOf(approveSuggestion({ actor: admin, input: { suggestionId: adminOwn.suggestionId } }))).toBe('FORBIDDEN');
    await getDb().collection.update({ where: { id: collectionId }, data: { allowSelfApproval: true } });
    try {
      expect(await approveSuggestion({ actor: admin, input: { suggestionId: adminOwn.suggestionId } })).toMatchObject({ status: 'PUBLISHED' });
      expect(await errorCodeOf(approveSuggestion({ actor: editor, input: { suggestionId: own.suggestionId } }))).toBe('FORBIDDEN');
    } finally {
      await getDb().collection.update({ where: { id: collectionId }, data: { allowSelfApproval: false } });
    }
  });

  it('needs a second reviewer to validate in a collection with two levels', async () => {
    await getDb().collection.update({ where: { id: collectionId }, data: { reviewPolicy: 'DOUBLE' } });
    try {
      const before = await publishedOf(segmentIds[4] as string, 'en');
      const { suggestionId } = await suggest(volunteer, 4, 'The fourth sentence, twice reviewed.');
      expect(await approveSuggestion({ actor: editor, input: { suggestionId } })).toMatchObject({ status: 'APPROVED' });
      expect((await publishedOf(segmentIds[4] as string, 'en')).id).toBe(before.id);
      expect(await errorCodeOf(approveSuggestion({ actor: editor, input: { suggestionId } }))).toBe('FORBIDDEN');
      expect(await approveSuggestion({ actor: secondEditor, input: { suggestionId } })).toMatchObject({ status: 'PUBLISHED' });
      expect((await publishedOf(segmentIds[4] as string, 'en')).text).toBe('The fourth sentence, twice reviewed.');
      // An editor asking to publish directly gets a suggestion when a second pair of eyes is required.
      const direct = await createSuggestion({ actor: editor, input: { segmentId: segmentIds[4] as string, language: 'en', text: 'Direct.', baseRevisionId: (await publishedOf(segmentIds[4] as string, 'en')).id, publish: true } });
      expect(direct.status).toBe('PENDING');
      expect((await publishedOf(segmentIds[4] as string, 'en')).text).toBe('The fourth sentence, twice reviewed.');
      expect(await errorCodeOf(createSuggestion({ actor: volunteer, input: { segmentId: segmentIds[4] as string, language: 'en', text: 'Direct.', baseRevisionId: null, publish: true } }))).toBe('FORBIDDEN');
    } finally {
      await getDb().collection.update({ where: { id: collectionId }, data: { reviewPolicy: 'SINGLE' } });
    }
  });

  it('reports a suggestion made on an older text as a conflict with a merge proposal, and publishes the resolution', async () => {
    const segmentId = segmentIds[5] as string;
    const base = await publishedOf(segmentId, 'en');
    const theirs = await createSuggestion({ actor: volunteer, input: { segmentId, language: 'en', text: 'The fifth sentence, revised.', baseRevisionId: base.id } });
    await createSuggestion({ actor: editor, input: { segmentId, language: 'en', text: 'A fifth sentence.', baseRevisionId: base.id, publish: true } });
    const error = await approveSuggestion({ actor: secondEditor, input: { suggestionId: theirs.suggestionId } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    const details = (error as AppError).details as ConflictDetails;
    expect((error as AppError).code).toBe('STALE_BASE');
    expect(details).toMatchObject({ baseText: 'The fifth sentence.', currentText: 'A fifth sentence.', suggestedText: 'The fifth sentence, revised.', mergeProposal: 'A fifth sentence, revised.' });
    // A resolution written against a revision that is no longer published is a conflict too.
    const stale = await approveSuggestion({ actor: secondEditor, input: { suggestionId: theirs.suggestionId, text: 'Resolved.', expectedRevisionId: base.id } }).catch((caught: unknown) => caught);
    expect(stale).toMatchObject({ code: 'STALE_BASE' });
    expect(await approveSuggestion({ actor: secondEditor, input: { suggestionId: theirs.suggestionId, text: details.mergeProposal as string, expectedRevisionId: details.currentRevisionId } })).toMatchObject({ status: 'PUBLISHED' });
    expect((await publishedOf(segmentId, 'en')).text).toBe('A fifth sentence, revised.');
  });

  it('publishes exactly one of two suggestions approved at the same moment and reports the other as a conflict', async () => {
    const segmentId = segmentIds[0] as string;
    // Several rounds: the two transactions interleave differently from one round to the next.
    for (let round = 1; round <= 5; round += 1) {
      const base = await publishedOf(segmentId, 'en');
      const [a, b] = await Promise.all([
        createSuggestion({ actor: volunteer, input: { segmentId, language: 'en', text: `Title A${round}`, baseRevisionId: base.id } }),
        createSuggestion({ actor: admin, input: { segmentId, language: 'en', text: `Title B${round}`, baseRevisionId: base.id } }),
      ]);
      const results = await Promise.allSettled([approveSuggestion({ actor: editor, input: { suggestionId: a.suggestionId } }), approveSuggestion({ actor: secondEditor, input: { suggestionId: b.suggestionId } })]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const failed = results.find((result) => result.status === 'rejected');
      expect(failed?.status === 'rejected' && failed.reason instanceof AppError && failed.reason.code).toBe('STALE_BASE');
      const published = await publishedOf(segmentId, 'en');
      expect([`Title A${round}`, `Title B${round}`]).toContain(published.text);
      const revisions = await getDb().revision.count({ where: { segmentText: { segmentId, language: 'en' }, origin: 'APPROVAL' } });
      expect(revisions).toBe(round);
    }
  });

  it('rejects with a reason, and asks for a note when the reason is “other”', async () => {
    const { suggestionId } = await suggest(volunteer, 3, 'Wrong.');
    expect(await errorCodeOf(rejectSuggestion({ actor: editor, input: { suggestionId, reason: 'OTHER', note: ' ' } }))).toBe('INVALID_INPUT');
    await rejectSuggestion({ actor: editor, input: { suggestionId, reason: 'MEANING', note: 'Changes the meaning.' } });
    const row = await getDb().suggestion.findUniqueOrThrow({ where: { id: suggestionId } });
    expect(row).toMatchObject({ status: 'REJECTED', rejectReason: 'MEANING', rejectNote: 'Changes the meaning.' });
  });

  it('keeps every revision in the history and reverts as a new revision', async () => {
    const segmentId = segmentIds[1] as string;
    const history = await getRevisionHistory({ actor: volunteer, segmentId, language: 'en' });
    expect(history.map((entry) => entry.origin)).toEqual(['APPROVAL', 'IMPORT']);
    const original = history[1]?.revisionId as string;
    const { revisionId } = await revertToRevision({ actor: editor, input: { segmentId, language: 'en', revisionId: original, expectedRevisionId: history[0]?.revisionId ?? null } });
    const after = await getRevisionHistory({ actor: volunteer, segmentId, language: 'en' });
    expect(after[0]).toMatchObject({ revisionId, origin: 'REVERT', text: 'The first sentence.', isPublished: true });
    expect(after).toHaveLength(3);
    expect(await errorCodeOf(revertToRevision({ actor: volunteer, input: { segmentId, language: 'en', revisionId: original, expectedRevisionId: revisionId } }))).toBe('FORBIDDEN');
  });

  it('refuses to publish again the words published now, and a revert based on a text that changed since', async () => {
    const segmentId = segmentIds[1] as string;
    const history = await getRevisionHistory({ actor: volunteer, segmentId, language: 'en' });
    // REVERT (published) → APPROVAL → IMPORT: the imported words are the ones published again.
    expect(history.map((entry) => [entry.origin, entry.isPublished, entry.isSameAsPublished])).toEqual([
      ['REVERT', true, true],
      ['APPROVAL', false, false],
      ['IMPORT', false, true],
    ]);
    const [current, approval, imported] = history.map((entry) => entry.revisionId) as [string, string, string];
    const revertTo = (revisionId: string, expectedRevisionId: string | null) => revertToRevision({ actor: editor, input: { segmentId, language: 'en', revisionId, expectedRevisionId } });
    await expect(revertTo(current, current)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('already the published text') });
    expect(await errorCodeOf(revertTo(imported, current))).toBe('INVALID_INPUT');
    // Based on a published revision that is no longer published: nothing is written.
    expect(await errorCodeOf(revertTo(approval, imported))).toBe('STALE_BASE');
    expect(await getRevisionHistory({ actor: volunteer, segmentId, language: 'en' })).toHaveLength(3);

    // A real change is still possible, once.
    const { revisionId } = await revertTo(approval, current);
    expect(await errorCodeOf(revertTo(approval, revisionId))).toBe('INVALID_INPUT');
    const after = await getRevisionHistory({ actor: volunteer, segmentId, language: 'en' });
    expect(after.map((entry) => entry.origin)).toEqual(['REVERT', 'REVERT', 'APPROVAL', 'IMPORT']);
    // Put back as the other tests of this file expect it.
    await revertTo(imported, revisionId);
  });

  it('marks translations stale when their source is corrected, with the source diff since the translator’s base', async () => {
    await importAlignedTranslation({
      actor: SYSTEM_ACTOR,
      workId,
      file: { name: 'fr.md', bytes: new TextEncoder().encode('# Titre\n\nLa première phrase. La deuxième phrase. La troisième phrase. La quatrième phrase. La cinquième phrase.\n') },
      provenance: { language: 'fr' },
    });
    expect(await getStaleTranslations({ actor: volunteer, workId, language: 'fr' })).toEqual([]);
    const segmentId = segmentIds[2] as string;
    for (const text of ['The second sentence, corrected once.', 'The second sentence, corrected twice.']) {
      await createSuggestion({ actor: editor, input: { segmentId, language: 'en', text, baseRevisionId: (await publishedOf(segmentId, 'en')).id, publish: true } });
    }
    const stale = await getStaleTranslations({ actor: volunteer, workId, language: 'fr' });
    expect(stale.map((entry) => entry.segmentId)).toEqual([segmentId]);
    // Since the translator's base, not since the last edit: "once" never reached the translation.
    expect(stale[0]?.sourceDiff.filter((op) => op.kind !== 'equal')).toEqual([{ kind: 'insert', text: ', corrected twice' }]);
    expect(await getStaleTranslations({ actor: volunteer, workId, language: 'fr', segmentId })).toEqual(stale);
    expect(await getStaleTranslations({ actor: volunteer, workId, language: 'fr', segmentId: segmentIds[3] as string })).toEqual([]);
    // The editor's rows mark the same translation stale, and only it.
    const rows = (await readEditorChunks(getDb(), { actor: volunteer, workId, collectionId, sourceLanguage: 'en', language: 'fr', fromChunk: 0, toChunk: 1 }))[0]?.rows ?? [];
    expect(rows.filter((row) => row.isStale).map((row) => row.segmentId)).toEqual([segmentId]);
    await confirmTranslation({ actor: editor, segmentId, language: 'fr' });
    expect(await getStaleTranslations({ actor: volunteer, workId, language: 'fr' })).toEqual([]);
    expect(((await readEditorChunks(getDb(), { actor: volunteer, workId, collectionId, sourceLanguage: 'en', language: 'fr', fromChunk: 0, toChunk: 1 }))[0]?.rows ?? []).some((row) => row.isStale)).toBe(false);
  });
});
