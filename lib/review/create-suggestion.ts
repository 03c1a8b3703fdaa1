import 'server-only';

import { findSuggestionTwin, suggestionTwinError } from './declined-suggestions';
import { suggestionInput, type SuggestionInput } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertCan, can, actorUserId, type Actor } from '../auth/permissions';
import { assertNoBlockingFindings } from '../checks/assert-no-blocking-findings';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';
import { findMachineOrigin, HUMAN_TEXT } from '../machine-translation/find-machine-origin';
import { lockLiveSegment, writeRevision } from '../revision/write-revision';
import { assertNotContinuation, loadSegmentContext, publishedRevisionOf } from '../segment/segment-context';

export interface CreatedSuggestion {
  suggestionId: string;
  status: 'PENDING' | 'PUBLISHED';
  /** Set when the text was published at once. */
  revisionId: string | null;
}

/**
 * Turns a draft into a suggestion: records the published revision it was based on and, for a
 * translation, the source revision it was made against. An author's earlier pending suggestion
 * for the same text is withdrawn (replaced). With `publish`, an editor of a collection that needs
 * one reviewer publishes at once (a revision with their name, compare-and-set on the base, so a
 * stale draft is a STALE_BASE error); in a collection that needs two, the editor's text becomes a
 * suggestion like anyone's (the result says PENDING). Volunteers asking to publish are refused.
 * Refused with CONFLICT: a segment whose translation is grouped into the previous one's
 * (`continues_previous`), and a suggestion word for word the same, on the same base, as one
 * waiting for review or one a reviewer already rejected or published only in part (an editor
 * publishing at once may). A text that came from machine translation is labelled so on the
 * suggestion and on the revision it becomes (`machineTranslationId`, docs/machine-translation.md).
 * A translation with an undismissed finding of a check the collection made blocking is refused
 * with INVALID_INPUT listing the findings (docs/quality-checks.md).
 */
export async function createSuggestion({ actor, input, db = getDb() }: { actor: Actor; input: SuggestionInput; db?: Db }): Promise<CreatedSuggestion> {
  const { segmentId, language, text, baseRevisionId, publish, machineTranslationId } = suggestionInput.parse(input);
  return withTransaction(db, async (tx) => {
    const context = await loadSegmentContext(tx, segmentId);
    const resource = { collectionId: context.collectionId };
    assertCan(actor, 'suggestion.create', resource);
    // Under a lock: a structural edit applied meanwhile may retire it (and would then not see this suggestion).
    await lockLiveSegment(tx, segmentId);
    await assertNotContinuation(tx, segmentId, language);
    const languageOpen = await tx.workLanguage.findUnique({ where: { workId_language: { workId: context.workId, language } }, select: { language: true } });
    if (!languageOpen) throw new AppError('NOT_FOUND', 'review.noTextToSuggest', { values: { language } });
    const published = await publishedRevisionOf(tx, segmentId, language);
    if (published && published.text === text && published.id === baseRevisionId) throw new AppError('INVALID_INPUT', 'review.sameAsPublished', { details: { text: [fieldMessage('field.nothingChanged')] } });
    const isTranslation = language !== context.sourceLanguage;
    const sourceRevisionId = isTranslation ? ((await publishedRevisionOf(tx, segmentId, context.sourceLanguage))?.id ?? null) : null;
    const authorId = actorUserId(actor);
    // Machine output is labelled whoever submits it and however: decided from the records of what the services gave.
    const machine = isTranslation ? await findMachineOrigin(tx, { segmentId, language, text, machineTranslationId }) : HUMAN_TEXT;

    const isPublishedNow = publish && can(actor, 'segment.publish', resource) && context.reviewPolicy === 'SINGLE';
    if (publish && !isPublishedNow) assertCan(actor, 'segment.publish', resource);
    if (!isPublishedNow) {
      const twin = await findSuggestionTwin(tx, { segmentId, language, baseRevisionId, text });
      if (twin) throw suggestionTwinError(twin);
    }
    // The collection's blocking quality checks hold a translation back until it is fixed or their findings dismissed.
    if (isTranslation) await assertNoBlockingFindings(tx, { segmentId, workId: context.workId, collectionId: context.collectionId, sourceLanguage: context.sourceLanguage, language, text });

    if (authorId) {
      await tx.suggestion.updateMany({ where: { segmentId, language, authorId, status: 'PENDING', kind: { not: 'STRUCTURE' } }, data: { status: 'WITHDRAWN', updatedAt: new Date() } });
    }
    let revisionId: string | null = null;
    if (isPublishedNow) {
      revisionId = await writeRevision({ tx, segmentId, language, text, origin: 'EDIT', authorId, expectedRevisionId: baseRevisionId, fields: { sourceRevisionId }, revisionFields: { sourceRevisionId, ...machine } });
    }
    const now = new Date();
    const suggestion = await tx.suggestion.create({
      data: {
        segmentId,
        language,
        workId: context.workId,
        collectionId: context.collectionId,
        kind: isTranslation ? 'TRANSLATION' : 'CORRECTION',
        authorId,
        baseRevisionId,
        sourceRevisionId,
        text,
        ...machine,
        ...(isPublishedNow ? { status: 'PUBLISHED' as const, reviewerId: authorId, reviewedAt: now, approvedText: text, revisionId } : {}),
      },
      select: { id: true },
    });
    await recordAuditEvent({
      db: tx,
      type: isPublishedNow ? 'suggestion.published_directly' : 'suggestion.created',
      actorId: authorId,
      collectionId: context.collectionId,
      workId: context.workId,
      data: { suggestionId: suggestion.id, segmentId, language, revisionId },
    });
    return { suggestionId: suggestion.id, status: isPublishedNow ? 'PUBLISHED' : 'PENDING', revisionId };
  });
}
